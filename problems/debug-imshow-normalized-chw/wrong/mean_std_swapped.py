import torch


def to_display(image, mean, std):
    """Undo the input normalisation so the image can be shown with plt.imshow."""
    # mean and std are per channel: shape them (C, 1, 1) so they broadcast over H and W, not over W.
    mean = torch.as_tensor(mean, dtype=image.dtype, device=image.device).view(-1, 1, 1)
    std = torch.as_tensor(std, dtype=image.dtype, device=image.device).view(-1, 1, 1)
    img = image.detach() * mean + std  # a new tensor: the caller's batch is left alone
    img = img.movedim(-3, -1)  # (..., C, H, W) -> (..., H, W, C), the layout imshow expects
    return img.clamp(0.0, 1.0)  # imshow clips floats outside [0, 1] with a warning; do it explicitly

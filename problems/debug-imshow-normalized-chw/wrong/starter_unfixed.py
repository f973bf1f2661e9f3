import torch


def to_display(image, mean, std):
    """Undo the input normalisation so the image can be shown with plt.imshow."""
    img = image * torch.tensor(std, device=image.device) + torch.tensor(mean, device=image.device)
    return img

import torch


def to_display(image, mean, std):
    """Undo the input normalisation so the image can be shown with plt.imshow."""
    img = image * torch.tensor(std) + torch.tensor(mean)
    return img

import torchvision


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    return torchvision.ops.sigmoid_focal_loss(inputs, targets, alpha=alpha, gamma=gamma, reduction=reduction)

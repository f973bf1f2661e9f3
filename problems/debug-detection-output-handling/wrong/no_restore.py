import torch


def detect(model, images, score_threshold=0.5):
    """Run a torchvision-style detector on a list of images; keep detections scoring >= score_threshold."""
    model.eval()  # in training mode a detector expects targets and returns a dict of losses
    try:
        with torch.no_grad():
            outputs = model(list(images))  # a list: the images may have different sizes
    finally:
        pass
    results = []
    for out in outputs:  # one dict per image, in input order
        keep = out["scores"] >= score_threshold
        results.append({"boxes": out["boxes"][keep], "labels": out["labels"][keep], "scores": out["scores"][keep]})
    return results

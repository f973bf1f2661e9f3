import torch


def detect(model, images, score_threshold=0.5):
    """Run a torchvision-style detector on a list of images; keep detections scoring >= score_threshold."""
    batch = torch.stack(images)
    with torch.no_grad():
        outputs = model(batch)
    boxes = outputs["boxes"]
    labels = outputs["labels"]
    scores = outputs["scores"]
    keep = scores >= score_threshold
    return boxes[keep], labels[keep], scores[keep]

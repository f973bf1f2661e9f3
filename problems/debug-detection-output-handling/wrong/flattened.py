import torch


def detect(model, images, score_threshold=0.5):
    """Run a torchvision-style detector on a list of images; keep detections scoring >= score_threshold."""
    was_training = model.training
    model.eval()  # in training mode a detector expects targets and returns a dict of losses
    try:
        with torch.no_grad():
            outputs = model(list(images))  # a list: the images may have different sizes
    finally:
        model.train(was_training)
    merged = {k: torch.cat([out[k] for out in outputs]) for k in ("boxes", "labels", "scores")}
    keep = merged["scores"] >= score_threshold  # which image a box came from is lost
    return [{k: v[keep] for k, v in merged.items()}]

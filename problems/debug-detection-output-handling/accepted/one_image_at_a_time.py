import torch


def detect(model, images, score_threshold=0.5):
    """One forward call per image, under inference_mode; same detections."""
    mode = model.training
    model.train(False)
    results = []
    try:
        with torch.inference_mode():
            for image in images:
                (out,) = model([image])
                mask = out["scores"].ge(score_threshold)
                results.append({key: value[mask] for key, value in out.items()})
    finally:
        model.train(mode)
    return results

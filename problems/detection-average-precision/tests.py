import torch


def _boxes(n: int, generator: torch.Generator, size: float, crowded: bool) -> torch.Tensor:
    extent = 40.0 if crowded else 200.0
    xy = torch.rand(n, 2, generator=generator, dtype=torch.float64) * extent
    wh = (0.5 + torch.rand(n, 2, generator=generator, dtype=torch.float64)) * size
    return torch.cat([xy, xy + wh], dim=1)


def _jitter(boxes: torch.Tensor, generator: torch.Generator, amount: float) -> torch.Tensor:
    wh = (boxes[:, 2:] - boxes[:, :2]).repeat(1, 2)
    out = boxes + (torch.rand(boxes.shape, generator=generator, dtype=torch.float64) - 0.5) * amount * wh
    out[:, 2:] = torch.maximum(out[:, 2:], out[:, :2] + 0.5)
    return out


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    images, per_image = params["images"], params["gts"]
    crowded = bool(params.get("crowded"))
    gt_boxes = _boxes(images * per_image, generator, 20.0, crowded)
    gt_ids = torch.arange(images).repeat_interleave(per_image)
    preds, pred_ids = [], []
    keep = torch.rand(len(gt_boxes), generator=generator) >= params.get("miss_rate", 0.1)
    preds.append(_jitter(gt_boxes[keep], generator, 0.4))
    pred_ids.append(gt_ids[keep])
    dups = int(params.get("dup_rate", 0.0) * len(gt_boxes))
    if dups and len(gt_boxes):
        pick = torch.randint(0, len(gt_boxes), (dups,), generator=generator)
        preds.append(_jitter(gt_boxes[pick], generator, 0.4))
        pred_ids.append(gt_ids[pick])
    fp = params.get("fp", 0) * images
    if fp:
        preds.append(_boxes(fp, generator, 20.0, crowded))
        pred_ids.append(torch.randint(0, images, (fp,), generator=generator))
    if params.get("other_image_copies") and images > 1:  # an object of image i, reported in image i + 1
        preds.append(_jitter(gt_boxes, generator, 0.2))
        pred_ids.append((gt_ids + 1) % images)
    pred_boxes, pred_ids_t = torch.cat(preds), torch.cat(pred_ids)
    scores = torch.rand(len(pred_boxes), generator=generator, dtype=torch.float64)
    if params.get("fp_high") and fp:
        scores[-fp:] = 0.5 + 0.5 * scores[-fp:]  # false positives outrank many true ones
    if params.get("quantize_scores"):
        scores = (scores * params["quantize_scores"]).floor() / params["quantize_scores"]
    perm = torch.randperm(len(pred_boxes), generator=generator)
    pred_boxes, pred_ids_t, scores = pred_boxes[perm], pred_ids_t[perm], scores[perm]
    if params.get("no_preds"):
        pred_boxes, pred_ids_t, scores = pred_boxes[:0], pred_ids_t[:0], scores[:0]
    return {
        "pred_boxes": pred_boxes.float(), "pred_scores": scores.float(), "pred_image_ids": pred_ids_t,
        "gt_boxes": gt_boxes.float(), "gt_image_ids": gt_ids, "iou_threshold": float(params.get("iou_threshold", 0.5)),
    }

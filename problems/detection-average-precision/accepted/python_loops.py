def average_precision(pred_boxes, pred_scores, pred_image_ids, gt_boxes, gt_image_ids, iou_threshold=0.5):
    """Plain Python lists, float32 IoU from torchvision-style formulas, AP summed over true positives."""
    g = len(gt_boxes)
    if g == 0 or len(pred_boxes) == 0:
        return 0.0
    order = sorted(range(len(pred_scores)), key=lambda i: -float(pred_scores[i]))  # sorted() is stable
    gts = gt_boxes.tolist()
    gt_img = gt_image_ids.tolist()
    taken = [False] * g
    hits = []
    for i in order:
        px1, py1, px2, py2 = pred_boxes[i].tolist()
        img = int(pred_image_ids[i])
        best, best_iou = -1, -1.0
        for j, (gx1, gy1, gx2, gy2) in enumerate(gts):
            if gt_img[j] != img or taken[j]:
                continue
            iw = max(0.0, min(px2, gx2) - max(px1, gx1))
            ih = max(0.0, min(py2, gy2) - max(py1, gy1))
            inter = iw * ih
            iou = inter / ((px2 - px1) * (py2 - py1) + (gx2 - gx1) * (gy2 - gy1) - inter)
            if iou > best_iou:
                best, best_iou = j, iou
        hit = best >= 0 and best_iou >= iou_threshold
        if hit:
            taken[best] = True
        hits.append(hit)
    precisions, tp = [], 0
    for r, hit in enumerate(hits, start=1):
        tp += hit
        precisions.append(tp / r)
    for r in range(len(precisions) - 2, -1, -1):
        precisions[r] = max(precisions[r], precisions[r + 1])
    return sum(p for p, hit in zip(precisions, hits) if hit) / g

from torchvision.ops import batched_nms as _batched, nms as _nms


def nms(boxes, scores, iou_threshold, classes=None):
    if classes is None:
        return _nms(boxes, scores, iou_threshold)
    return _batched(boxes, scores, classes, iou_threshold)

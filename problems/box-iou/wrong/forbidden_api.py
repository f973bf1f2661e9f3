import torchvision.ops as ops


def box_iou(boxes1, boxes2):
    return ops.box_iou(boxes1, boxes2)

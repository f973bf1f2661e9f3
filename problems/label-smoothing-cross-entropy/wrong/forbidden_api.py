from torch.nn import functional


def label_smoothing_cross_entropy(logits, target, eps, ignore_index=-100):
    return functional.cross_entropy(logits, target, ignore_index=ignore_index, label_smoothing=eps)

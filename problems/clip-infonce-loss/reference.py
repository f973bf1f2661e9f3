import torch
import torch.nn.functional as F


def _recall(logits: torch.Tensor, k: int) -> float:
    # Rank of the true match = number of candidates scoring strictly higher than it.
    positive = logits.diagonal()[:, None]
    rank = (logits > positive).sum(dim=1)
    return float((rank < k).double().mean())


def clip_loss(image_emb, text_emb, logit_scale, k):
    """Symmetric InfoNCE loss of a batch of (image, text) pairs, and recall@k in both directions."""
    image = F.normalize(image_emb, dim=1)
    text = F.normalize(text_emb, dim=1)
    scale = logit_scale.exp().clamp(max=100.0)
    logits = scale * image @ text.T  # (N images, N texts)
    targets = torch.arange(logits.shape[0], device=logits.device)
    loss = (F.cross_entropy(logits, targets) + F.cross_entropy(logits.T, targets)) / 2
    return {"loss": loss, "recall_i2t": _recall(logits, k), "recall_t2i": _recall(logits.T, k)}

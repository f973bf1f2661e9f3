import torch


def clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: torch.Tensor, k: int) -> dict:
    """Symmetric InfoNCE loss of a batch of (image, text) pairs, and recall@k in both directions."""
    raise NotImplementedError

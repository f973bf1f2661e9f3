import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale, k):
    logits = logit_scale.exp().clamp(max=100) * image_emb @ text_emb.T  # raw dot products
    targets = torch.arange(len(logits), device=logits.device)
    loss = (F.cross_entropy(logits, targets) + F.cross_entropy(logits.T, targets)) / 2
    pos = logits.diagonal()[:, None]
    recall_i2t = float(((logits > pos).sum(1) < k).double().mean())
    recall_t2i = float(((logits.T > pos).sum(1) < k).double().mean())
    return {"loss": loss, "recall_i2t": recall_i2t, "recall_t2i": recall_t2i}

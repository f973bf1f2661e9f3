import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale, k):
    logits = logit_scale.exp().clamp(max=100) * F.normalize(image_emb, dim=1) @ F.normalize(text_emb, dim=1).T
    targets = torch.arange(len(logits), device=logits.device)
    pos = logits.diagonal()[:, None]
    recall_i2t = float(((logits > pos).sum(1) < k).double().mean())
    recall_t2i = float(((logits.T > pos).sum(1) < k).double().mean())
    return {"loss": F.cross_entropy(logits, targets), "recall_i2t": recall_i2t, "recall_t2i": recall_t2i}

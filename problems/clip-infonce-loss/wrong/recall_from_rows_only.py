import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale, k):
    logits = logit_scale.exp().clamp(max=100) * F.normalize(image_emb, dim=1) @ F.normalize(text_emb, dim=1).T
    targets = torch.arange(len(logits), device=logits.device)
    loss = (F.cross_entropy(logits, targets) + F.cross_entropy(logits.T, targets)) / 2
    recall = float(((logits > logits.diagonal()[:, None]).sum(1) < k).double().mean())
    return {"loss": loss, "recall_i2t": recall, "recall_t2i": recall}

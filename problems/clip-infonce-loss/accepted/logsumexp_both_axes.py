import torch


def clip_loss(image_emb, text_emb, logit_scale, k):
    """The same loss written with logsumexp over each axis, and norms divided out by hand."""
    image = image_emb / image_emb.norm(dim=1, keepdim=True)
    text = text_emb / text_emb.norm(dim=1, keepdim=True)
    scale = torch.minimum(logit_scale.exp(), torch.tensor(100.0, dtype=logit_scale.dtype))
    sims = image @ text.T
    logits = sims * scale
    diag = logits.diagonal()
    loss = 0.5 * ((torch.logsumexp(logits, 1) - diag).mean() + (torch.logsumexp(logits, 0) - diag).mean())
    n = len(sims)
    hits_i2t = sum(int((sims[i] > sims[i, i]).sum()) < k for i in range(n))
    hits_t2i = sum(int((sims[:, i] > sims[i, i]).sum()) < k for i in range(n))
    return {"loss": loss, "recall_i2t": hits_i2t / n, "recall_t2i": hits_t2i / n}

import math

import torch


def ranking_metrics(scores, relevance, k):
    """Accumulates in float64 with the discount written as ln 2 / ln(rank + 1), and rounds once at the end."""
    q, d = scores.shape
    k = min(k, d)
    order = torch.argsort(scores, dim=1, descending=True, stable=True)[:, :k]
    ranked = relevance.gather(1, order).double()
    positions = torch.arange(1, k + 1, device=scores.device, dtype=torch.float64)
    discount = math.log(2.0) / torch.log1p(positions)
    dcg = ((2.0 ** ranked - 1) * discount).sum(dim=1)
    ideal = relevance.double().topk(k, dim=1).values
    idcg = ((2.0 ** ideal - 1) * discount).sum(dim=1)
    ndcg = dcg / idcg
    ndcg[idcg == 0] = 0.0
    first_hit = torch.where(ranked > 0, positions, torch.full_like(ranked, math.inf)).min(dim=1).values
    mrr = 1.0 / first_hit  # 1 / inf = 0 when nothing relevant was retrieved
    return {"ndcg": ndcg.to(scores.dtype), "mrr": mrr.to(scores.dtype)}

import torch


def ranking_metrics(scores: torch.Tensor, relevance: torch.Tensor, k: int) -> dict[str, torch.Tensor]:
    dtype = scores.dtype
    k = min(k, scores.shape[1])
    order = torch.sort(scores, dim=1, descending=True, stable=True).indices[:, :k]
    ranked = relevance.gather(1, order)
    discount = 1.0 / torch.log2(torch.arange(2, k + 2, device=scores.device, dtype=dtype))
    dcg = ((torch.exp2(ranked.to(dtype)) - 1) * discount).sum(dim=1)
    ideal = torch.sort(ranked, dim=1, descending=True).values  # only re-sorts the k retrieved items
    idcg = ((torch.exp2(ideal.to(dtype)) - 1) * discount).sum(dim=1)
    has_relevant = idcg > 0
    ndcg = torch.where(has_relevant, dcg / torch.where(has_relevant, idcg, torch.ones_like(idcg)),
                       torch.zeros_like(dcg))
    hits = ranked > 0
    first = hits.to(torch.int8).argmax(dim=1)  # argmax returns the first maximum: the first hit
    rank = (first + 1).to(dtype)
    mrr = torch.where(hits.any(dim=1), 1.0 / rank, torch.zeros_like(rank))
    return {"ndcg": ndcg, "mrr": mrr}

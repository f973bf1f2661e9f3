import torch


def ranking_metrics(scores: torch.Tensor, relevance: torch.Tensor, k: int) -> dict[str, torch.Tensor]:
    """Return {"ndcg": [Q], "mrr": [Q]}: NDCG@k and reciprocal rank @k of every query."""
    raise NotImplementedError

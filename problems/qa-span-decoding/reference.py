import torch


def best_spans(start_logits, end_logits, context_mask, max_answer_len):
    """The highest-scoring valid answer span (start, end, score) of each row."""
    b, length = start_logits.shape
    scores = start_logits[:, :, None] + end_logits[:, None, :]  # (B, start, end)
    ones = torch.ones(length, length, dtype=torch.bool, device=scores.device)
    band = torch.triu(ones) & torch.tril(ones, diagonal=max_answer_len - 1)  # 0 <= e - s < max_answer_len
    allowed = band & context_mask[:, :, None] & context_mask[:, None, :]
    scores = scores.masked_fill(~allowed, float("-inf"))
    flat = scores.reshape(b, -1).argmax(dim=1)  # first maximum: smallest start, then smallest end
    best = scores.reshape(b, -1).gather(1, flat[:, None])[:, 0]
    return {"start": flat // length, "end": flat % length, "score": best}

import torch


def best_spans(start_logits, end_logits, context_mask, max_answer_len):
    """Scores laid out as (start, length - 1) instead of (start, end): O(L * max_len) memory."""
    b, length = start_logits.shape
    width = min(max_answer_len, length)
    neg = torch.tensor(float("-inf"), dtype=start_logits.dtype, device=start_logits.device)
    table = neg.expand(b, length, width).clone()
    for d in range(width):  # d = e - s
        s_ok = context_mask[:, : length - d] & context_mask[:, d:]
        table[:, : length - d, d] = torch.where(s_ok, start_logits[:, : length - d] + end_logits[:, d:], neg)
    flat = table.reshape(b, -1).argmax(1)
    s, d = flat // width, flat % width
    rows = torch.arange(b, device=flat.device)
    return {"start": s, "end": s + d, "score": table[rows, s, d]}

import torch


def best_spans(start_logits, end_logits, context_mask, max_answer_len):
    neg = torch.finfo(start_logits.dtype).min
    s_scores = start_logits.masked_fill(~context_mask, neg)
    e_scores = end_logits.masked_fill(~context_mask, neg)
    s, e = s_scores.argmax(1), e_scores.argmax(1)  # chosen independently
    rows = torch.arange(len(s), device=s.device)
    return {"start": s, "end": e, "score": start_logits[rows, s] + end_logits[rows, e]}

import torch


def best_spans(start_logits, end_logits, context_mask, max_answer_len):
    """The highest-scoring valid answer span (start, end, score) of each row."""
    raise NotImplementedError

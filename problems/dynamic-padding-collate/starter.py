import torch


def make_batches(sequences, labels, batch_size, pad_id, pad_to_multiple_of=1, padding_side="right"):
    """Bucket sequences by length and pad each batch to its own (rounded-up) longest length."""
    raise NotImplementedError

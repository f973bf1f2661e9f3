import torch


def _pad(chunk: list[torch.Tensor], width: int, pad_id: int, left: bool) -> tuple[torch.Tensor, torch.Tensor]:
    device = chunk[0].device
    ids = torch.full((len(chunk), width), pad_id, dtype=torch.long, device=device)
    mask = torch.zeros((len(chunk), width), dtype=torch.long, device=device)
    for row, seq in enumerate(chunk):
        n = len(seq)
        cols = slice(width - n, width) if left else slice(0, n)
        ids[row, cols] = seq
        mask[row, cols] = 1
    return ids, mask


def make_batches(sequences, labels, batch_size, pad_id, pad_to_multiple_of=1, padding_side="right"):
    """Bucket sequences by length and pad each batch to its own (rounded-up) longest length."""
    order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))  # sorted() is stable
    batches = []
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        chunk = [sequences[i] for i in idx]
        longest = max(len(s) for s in chunk)
        width = -(-longest // pad_to_multiple_of) * pad_to_multiple_of  # round up
        ids, mask = _pad(chunk, width, pad_id, padding_side == "left")
        index = torch.tensor(idx, dtype=torch.long, device=labels.device)
        batches.append({"input_ids": ids, "attention_mask": mask, "labels": labels[index], "indices": index})
    return batches

import torch


def encode_batch(batch: list[list[str]], vocab: dict[str, int], max_len: int) -> dict:
    cls, sep, pad, unk = vocab["[CLS]"], vocab["[SEP]"], vocab["[PAD]"], vocab["[UNK]"]
    rows = []
    for tokens in batch:
        ids = [vocab.get(tok, unk) for tok in tokens[: max_len - 2]]  # room for [CLS] and [SEP]
        rows.append([cls, *ids, sep])
    length = max(len(r) for r in rows)
    input_ids = torch.full((len(rows), length), pad, dtype=torch.long, device="cpu")
    mask = torch.zeros((len(rows), length), dtype=torch.long, device="cpu")
    for i, r in enumerate(rows):
        input_ids[i, : len(r)] = torch.tensor(r, dtype=torch.long, device="cpu")
        mask[i, : len(r)] = 1
    return {"input_ids": input_ids, "attention_mask": mask}

import torch

NUM_TYPES = 3  # entity types; labels: 0 = O, then B-type, I-type pairs


def _sequence(words: int, max_pieces: int, generator: torch.Generator) -> list[int]:
    pieces = torch.randint(1, max_pieces + 1, (words,), generator=generator).tolist()
    return [w for w, n in enumerate(pieces) for _ in range(n)]


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    batch, words, length = params["batch"], params["words"], params["length"]
    ids = torch.full((batch, length), -1, dtype=torch.long)
    for b in range(batch):
        n_words = int(torch.randint(1, words + 1, (1,), generator=generator)) if b else words
        row = [-1] + _sequence(n_words, params["max_pieces"], generator) + [-1]
        if params.get("two_segments"):
            row += _sequence(n_words, params["max_pieces"], generator) + [-1]
        row = row[: length - 1] + [-1] if len(row) > length else row
        ids[b, : len(row)] = torch.tensor(row)
    labels = torch.randint(0, 1 + 2 * NUM_TYPES, (batch, words), generator=generator)
    if params.get("ignore_rate"):
        labels[torch.rand(batch, words, generator=generator) < params["ignore_rate"]] = -100
    b_to_i = torch.arange(1 + 2 * NUM_TYPES)
    b_to_i[1::2] += 1  # B-type (odd ids) -> I-type (the next id)
    return {"word_ids": ids, "word_labels": labels, "b_to_i": b_to_i,
            "label_all_subtokens": bool(params.get("all", False))}

from collections import Counter

import torch

SPECIALS = ["<pad>", "<unk>"]


def build_and_encode(corpus, text, min_freq=1):
    """Build a vocabulary from `corpus` and encode `text` as token ids for an nn.Embedding."""
    counts = Counter(token for line in corpus for token in line.lower().split())
    # Most frequent first; equal counts in alphabetical order (as torchtext's build_vocab_from_iterator).
    kept = sorted((tok for tok, n in counts.items() if n >= min_freq), key=lambda tok: (-counts[tok], tok))
    stoi = {tok: i for i, tok in enumerate(SPECIALS + kept)}
    unk = stoi["<unk>"]
    # Look up every token of the text, not the text itself.
    ids = [stoi.get(tok, unk) for tok in text.lower().split()]
    # Text in, so no input device to follow: the ids are made on the CPU on purpose.
    return {"ids": torch.tensor(ids, dtype=torch.long, device="cpu"), "vocab_size": len(stoi)}

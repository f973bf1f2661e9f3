import torch
from torchtext.vocab import Vocab


def build_and_encode(corpus, text, min_freq=1):
    """Build a vocabulary from `corpus` and encode `text` as token ids for an nn.Embedding."""
    vocab = Vocab.from_iterator(corpus, min_freq=min_freq, specials=["<pad>", "<unk>"])
    ids = torch.tensor(vocab[text])
    return {"ids": ids, "vocab_size": len(vocab)}

import torch

WORDS = ["the", "a", "cat", "dog", "sat", "on", "mat", "ran", "fast", "slow", "red", "big", "small", "and",
         "tree", "house", "river", "Cat", "THE", "##s", "##ing", ".", ",", "!", "?", "naïve", "café", "x"]


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    known = params.get("known", 18)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
    # Special tokens get ids that are not 0..3 in order, so hard-coded ids fail.
    order = torch.randperm(known + 4, generator=generator).tolist()
    names = specials + WORDS[:known]
    vocab = {name: int(order[i]) + params.get("offset", 0) for i, name in enumerate(names)}
    batch = []
    lo, hi = params.get("lengths", [0, 10])
    for _ in range(params["batch"]):
        n = int(torch.randint(lo, hi + 1, (1,), generator=generator))
        idx = torch.randint(0, len(WORDS), (n,), generator=generator).tolist()
        batch.append([WORDS[j] for j in idx])
    return {"batch": batch, "vocab": vocab, "max_len": params["max_len"]}

import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    if "corpus" in params:
        return {"corpus": list(params["corpus"]), "num_merges": params["merges"], "words": list(params["words"])}
    alphabet = params.get("alphabet", "abcdef")

    def word(low: int, high: int) -> str:
        n = int(torch.randint(low, high + 1, (1,), generator=generator))
        idx = torch.randint(0, len(alphabet), (n,), generator=generator)
        return "".join(alphabet[i] for i in idx.tolist())

    vocab = [word(1, params.get("max_len", 6)) for _ in range(params["distinct"])]
    # Zipf-like frequencies: a few words are common, most are rare.
    weights = 1.0 / torch.arange(1, len(vocab) + 1, dtype=torch.float64)
    picks = torch.multinomial(weights, params["tokens"], replacement=True, generator=generator).tolist()
    per_line = params.get("per_line", 8)
    lines = [" ".join(vocab[i] for i in picks[s:s + per_line]) for s in range(0, len(picks), per_line)]
    unseen = [word(1, params.get("max_len", 6) + 3) for _ in range(params.get("new_words", 4))]
    return {"corpus": lines, "num_merges": params["merges"], "words": vocab[:4] + unseen}

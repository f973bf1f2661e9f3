import torch

WORDS = ("the a of to and in model data train loss token batch layer weight vector gradient learning "
         "attention embedding bert text image audio label test value").split()


def _sentence(n: int, generator: torch.Generator, skew: float) -> str:
    ranks = torch.arange(1, len(WORDS) + 1, dtype=torch.float64)
    probs = ranks ** -skew  # Zipf-like: a few frequent words, many rare ones
    picks = torch.multinomial(probs, n, replacement=True, generator=generator).tolist()
    words = [WORDS[i] for i in picks]
    caps = torch.rand(n, generator=generator) < 0.2
    return " ".join(w.capitalize() if c else w for w, c in zip(words, caps.tolist()))


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    skew = params.get("skew", 1.0)
    corpus = [_sentence(params["line_len"], generator, skew) for _ in range(params["lines"])]
    text = _sentence(params["text_len"], generator, 0.3)  # flatter: rare and unseen words show up
    if params.get("unseen"):
        text += " zebra " + text.split()[0] + "  quokka"
    return {"corpus": corpus, "text": text, "min_freq": int(params.get("min_freq", 1))}

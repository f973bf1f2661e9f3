import math
from collections import Counter


def _ngrams(tokens: list[int], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu(candidate: list[int], references: list[list[int]], max_n: int = 4) -> dict:
    precisions = []
    for n in range(1, max_n + 1):
        cand = _ngrams(candidate, n)
        max_ref: Counter = Counter()
        for ref in references:
            for gram, count in _ngrams(ref, n).items():
                if count > max_ref[gram]:
                    max_ref[gram] = count
        total = sum(cand.values())
        clipped = sum(min(count, max_ref[gram]) for gram, count in cand.items())
        precisions.append(clipped / total if total else 0.0)

    c = len(candidate)
    r = min(len(ref) for ref in references)
    if c == 0:
        bp = 0.0
    elif c > r:
        bp = 1.0
    else:
        bp = math.exp(1 - r / c)
    if min(precisions) > 0:
        score = bp * math.exp(sum(math.log(p) for p in precisions) / max_n)
    else:
        score = 0.0
    return {"precisions": precisions, "brevity_penalty": bp, "bleu": score}

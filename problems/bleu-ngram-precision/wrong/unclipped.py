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
        clipped = sum(count for gram, count in cand.items() if max_ref[gram] > 0)
        precisions.append(clipped / total if total else 0.0)

    c = len(candidate)
    # Closest reference length; on a tie, the shorter one.
    r = min((abs(len(ref) - c), len(ref)) for ref in references)[1]
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

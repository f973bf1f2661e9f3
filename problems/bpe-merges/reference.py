from collections import Counter

END = "</w>"


def merge_word(symbols: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    """Replace every occurrence of `pair`, scanning left to right without overlaps."""
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(pair[0] + pair[1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def bpe(corpus: list[str], num_merges: int, words: list[str]) -> dict:
    freq = Counter(w for line in corpus for w in line.split())
    vocab = {tuple(w) + (END,): n for w, n in freq.items()}  # symbols: characters, then the end marker
    merges: list[tuple[str, str]] = []
    for _ in range(num_merges):
        pairs: Counter = Counter()
        for symbols, n in vocab.items():
            for a, b in zip(symbols, symbols[1:]):
                pairs[a, b] += n  # weighted by how often the word occurs
        if not pairs:
            break
        best = max(pairs.values())
        pair = min(p for p, c in pairs.items() if c == best)  # ties: the lexicographically smallest pair
        merges.append(pair)
        vocab = {merge_word(s, pair): n for s, n in vocab.items()}

    def encode(word: str) -> list[str]:
        symbols = tuple(word) + (END,)
        for pair in merges:  # in the order they were learned
            symbols = merge_word(symbols, pair)
        return list(symbols)

    return {"merges": [list(p) for p in merges], "tokens": [encode(w) for w in words]}

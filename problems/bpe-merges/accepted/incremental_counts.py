from collections import Counter, defaultdict


def bpe(corpus, num_merges, words):
    # Keeps pair counts up to date incrementally instead of recounting, and encodes GPT-2 style
    # (repeatedly merge the lowest-ranked pair present). Same results, different bookkeeping.
    freq = Counter(w for line in corpus for w in line.split())
    words_sym = [list(w) + ["</w>"] for w in freq]
    counts = [freq[w] for w in freq]
    pairs = defaultdict(int)
    for s, n in zip(words_sym, counts):
        for p in zip(s, s[1:]):
            pairs[p] += n
    merges = []
    while len(merges) < num_merges:
        live = {p: c for p, c in pairs.items() if c > 0}
        if not live:
            break
        pair = min(live, key=lambda p: (-live[p], p))
        merges.append(pair)
        for s, n in zip(words_sym, counts):
            if pair[0] not in s:
                continue
            for p in zip(s, s[1:]):
                pairs[p] -= n
            i, out = 0, []
            while i < len(s):
                if i + 1 < len(s) and (s[i], s[i + 1]) == pair:
                    out.append(s[i] + s[i + 1])
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            s[:] = out
            for p in zip(s, s[1:]):
                pairs[p] += n
    rank = {p: i for i, p in enumerate(merges)}

    def encode(w):
        s = list(w) + ["</w>"]
        while len(s) > 1:
            cands = [(rank[p], i) for i, p in enumerate(zip(s, s[1:])) if p in rank]
            if not cands:
                break
            r = min(cands)[0]
            a, b = merges[r]
            i, out = 0, []
            while i < len(s):
                if i + 1 < len(s) and s[i] == a and s[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            s = out
        return s

    return {"merges": [list(p) for p in merges], "tokens": [encode(w) for w in words]}

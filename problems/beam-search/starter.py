import torch


def beam_search(transition: torch.Tensor, start: int, beam_size: int, max_len: int, eos: int,
                length_penalty: float) -> dict:
    """Return {"sequences": list of token lists (best first), "scores": tensor [beam_size]}."""
    raise NotImplementedError

import torch
import torch.nn.functional as F  # noqa: F401 - you will need it


def dpo_loss(policy_logits: torch.Tensor, reference_logits: torch.Tensor, labels: torch.Tensor,
             beta: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Rows [0, P) are chosen answers, rows [P, 2P) the rejected answers of the same prompts.
    Return (loss, chosen_rewards (P,), rejected_rewards (P,))."""
    raise NotImplementedError

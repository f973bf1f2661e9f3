import torch


def distillation_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, labels: torch.Tensor,
                      temperature: float, alpha: float) -> torch.Tensor:
    """Return the scalar Hinton distillation loss (differentiable w.r.t. student_logits)."""
    raise NotImplementedError

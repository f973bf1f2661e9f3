import torch
import torch.nn as nn


def token_distillation_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, mask: torch.Tensor,
                            temperature: float) -> torch.Tensor:
    """Distil the teacher's next-token distributions into the student, on real (unpadded) tokens only."""
    loss_fn = nn.CrossEntropyLoss()
    student = student_logits[mask] / temperature  # [num_tokens, vocab]
    teacher = teacher_logits[mask]  # [num_tokens, vocab]
    return loss_fn(student, teacher)

import torch
import torch.nn.functional as F


def distillation_loss(student_logits, teacher_logits, labels, temperature, alpha):
    t = temperature
    p_s = torch.exp(student_logits / t)
    p_s = p_s / p_s.sum(-1, keepdim=True)
    p_t = torch.exp(teacher_logits.detach() / t)
    p_t = p_t / p_t.sum(-1, keepdim=True)
    kl = (p_t * (torch.log(p_t) - torch.log(p_s))).sum() / student_logits.shape[0]
    return alpha * t * t * kl + (1 - alpha) * F.cross_entropy(student_logits, labels)

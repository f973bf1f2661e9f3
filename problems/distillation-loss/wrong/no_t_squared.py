import torch.nn.functional as F


def distillation_loss(student_logits, teacher_logits, labels, temperature, alpha):
    t = temperature
    kl = F.kl_div(F.log_softmax(student_logits / t, -1), F.log_softmax(teacher_logits.detach() / t, -1),
                  reduction="batchmean", log_target=True)
    return alpha * kl + (1 - alpha) * F.cross_entropy(student_logits, labels)

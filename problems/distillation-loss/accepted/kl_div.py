import torch.nn.functional as F


def distillation_loss(student_logits, teacher_logits, labels, temperature, alpha):
    log_s = F.log_softmax(student_logits / temperature, dim=-1)
    log_t = F.log_softmax(teacher_logits.detach() / temperature, dim=-1)
    soft = F.kl_div(log_s, log_t, log_target=True, reduction="batchmean") * temperature ** 2
    hard = F.nll_loss(F.log_softmax(student_logits, dim=-1), labels)
    return alpha * soft + (1 - alpha) * hard

import torch.nn.functional as F


def distillation_loss(student_logits, teacher_logits, labels, temperature, alpha):
    t = temperature
    log_p_student = F.log_softmax(student_logits / t, dim=-1)
    log_p_teacher = F.log_softmax(teacher_logits / t, dim=-1)  # wrong: the teacher is not detached
    kl = (log_p_teacher.exp() * (log_p_teacher - log_p_student)).sum() / student_logits.shape[0]
    return alpha * t * t * kl + (1.0 - alpha) * F.cross_entropy(student_logits, labels)

import torch
import torch.nn.functional as F


def hidden_distillation_loss(student_hidden, teacher_hidden, proj, layer_map, attention_mask):
    # Gathers the real tokens first (boolean indexing) and lets F.mse_loss average them: rounded differently.
    keep = attention_mask.bool()
    per_pair = [F.mse_loss(proj(student_hidden[s][keep]), teacher_hidden[t][keep].detach()) for s, t in layer_map]
    return torch.stack(per_pair).mean()

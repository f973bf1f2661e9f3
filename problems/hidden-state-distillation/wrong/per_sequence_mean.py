import torch


def hidden_distillation_loss(student_hidden, teacher_hidden, proj, layer_map, attention_mask):
    mask = attention_mask.to(student_hidden[0].dtype)[..., None]
    d_t = teacher_hidden[0].shape[-1]
    losses = []
    for s, t in layer_map:
        sq = ((proj(student_hidden[s]) - teacher_hidden[t].detach()) * mask) ** 2
        # wrong: averages each sequence over its own tokens, then the sequences: short ones weigh more per token
        per_sequence = sq.sum(dim=(1, 2)) / (mask.sum(dim=(1, 2)) * d_t)
        losses.append(per_sequence.mean())
    return torch.stack(losses).mean()

import torch.nn.functional as F


def dropout(x, p, training, u):
    return F.dropout(x, p=p, training=training)

import torch.nn as nn


def llrd_param_groups(model: nn.Module, base_lr: float, decay: float, weight_decay: float) -> list[dict]:
    """AdamW parameter groups with layer-wise learning-rate decay for a Hugging Face BERT model."""
    raise NotImplementedError

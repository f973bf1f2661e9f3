import torch


def classification_logits(last_hidden_state: torch.Tensor, state_dict: dict[str, torch.Tensor]) -> torch.Tensor:
    cls = last_hidden_state[:, 0]  # the [CLS] position of every sequence
    pooled = torch.tanh(cls @ state_dict["bert.pooler.dense.weight"].T + state_dict["bert.pooler.dense.bias"])
    # Dropout is the identity in eval mode.
    return pooled @ state_dict["classifier.weight"].T + state_dict["classifier.bias"]

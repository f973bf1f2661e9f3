import torch


def classification_logits(last_hidden_state: torch.Tensor, state_dict: dict[str, torch.Tensor]) -> torch.Tensor:
    """Return the (B, num_labels) logits of BertForSequenceClassification (eval mode) from the encoder output."""
    raise NotImplementedError

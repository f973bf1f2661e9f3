def classification_logits(last_hidden_state, state_dict):
    cls = last_hidden_state[:, 0]
    pooled = cls @ state_dict["bert.pooler.dense.weight"].T + state_dict["bert.pooler.dense.bias"]  # wrong: no tanh
    return pooled @ state_dict["classifier.weight"].T + state_dict["classifier.bias"]

from transformers import BertConfig, BertForMaskedLM, BertForSequenceClassification, GPT2Config, GPT2LMHeadModel


def build_model(task, vocab_size, num_labels=2):
    """A small randomly initialised model for `task`: "generation", "fill-mask" or "classification"."""
    if task == "generation":
        # Left-to-right generation needs a causal (decoder-only) language model.
        config = GPT2Config(vocab_size=vocab_size, n_embd=32, n_layer=2, n_head=2, n_positions=64)
        return GPT2LMHeadModel(config)
    config = BertConfig(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64, num_labels=num_labels)
    if task == "fill-mask":
        return BertForMaskedLM(config)  # bidirectional encoder with the MLM head
    if task == "classification":
        return BertForSequenceClassification(config)  # num_labels sets the head's output size
    raise ValueError(f"unknown task {task!r}")

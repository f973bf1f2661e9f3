from transformers import BertConfig, BertForConditionalGeneration, BertForSequenceClassification


def build_model(task, vocab_size, num_labels=2):
    """A small randomly initialised model for `task`: "generation", "fill-mask" or "classification"."""
    config = BertConfig(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    if task == "classification":
        return BertForSequenceClassification(config)
    return BertForConditionalGeneration(config)

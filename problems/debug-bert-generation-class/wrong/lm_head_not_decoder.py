from transformers import BertConfig, BertForMaskedLM, BertForSequenceClassification, BertLMHeadModel


def build_model(task, vocab_size, num_labels=2):
    common = dict(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                  intermediate_size=64, max_position_embeddings=64)
    if task == "generation":
        return BertLMHeadModel(BertConfig(**common))
    if task == "fill-mask":
        return BertForMaskedLM(BertConfig(**common))
    return BertForSequenceClassification(BertConfig(**common, num_labels=num_labels))

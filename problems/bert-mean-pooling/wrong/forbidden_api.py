from sentence_transformers.models import Pooling


def mean_pool(last_hidden_state, attention_mask, normalize=False):
    pooling = Pooling(last_hidden_state.shape[-1], pooling_mode="mean")
    features = pooling({"token_embeddings": last_hidden_state, "attention_mask": attention_mask})
    return features["sentence_embedding"]

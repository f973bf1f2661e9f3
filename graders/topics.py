"""The topic vocabulary of the question bank, taken from the seed interview collections.

Problems and concept questions may only name topics listed here, so a typo is a validation error and the
coverage table in the docs can list every topic, covered or not.
"""

TOPICS: dict[str, str] = {
    "pretrained-models": "Pre-trained models: ideas, strengths, limits",
    "bert": "BERT and masked language modelling",
    "gpt": "GPT and causal language modelling",
    "fine-tuning": "Fine-tuning and parameter-efficient tuning",
    "text-classification": "Text classification with transformers",
    "text-generation": "Text generation and decoding",
    "attention": "Attention and self-attention",
    "knowledge-distillation": "Knowledge distillation and model compression",
    "image-classification": "Image classification with torchvision",
    "object-detection": "Object detection: boxes, IoU, NMS",
    "embeddings": "Embeddings and embedding layers",
    "dropout": "Dropout",
    "regularization": "Regularization: L1/L2, weight decay",
    "lr-schedules": "Learning-rate schedules and optimizers",
    "sequence-models": "Sequence data, RNNs and LSTMs",
    "transfer-learning": "Transfer learning",
    "multi-label": "Multi-label classification",
    "augmentation": "Data augmentation",
    "text-data": "Text preprocessing and tokenization",
    "audio-data": "Audio data and spectrograms",
    "video-data": "Video data and temporal modelling",
    "multimodal": "Multimodal models and fusion",
    "evaluation-metrics": "Evaluation metrics",
    "efficiency-deployment": "Efficiency and deployment: quantization, pruning, mixed precision",
    "responsible-ai": "Interpretability, bias, privacy and ethics",
}

DIFFICULTIES = ("easy", "medium", "hard")
KINDS = ("coding", "debugging")

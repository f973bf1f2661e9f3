import torch

VOCAB = 100
_MODELS: dict = {}


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, length = params["batch"], params["length"]
    input_ids = torch.randint(4, VOCAB, (b, length), generator=generator)
    input_ids[:, 0] = 1  # [CLS]
    mask = torch.ones(b, length, dtype=torch.long)
    lengths = params.get("lengths")
    if lengths is None and params.get("ragged"):
        lengths = torch.randint(1, length + 1, (b,), generator=generator).tolist()
    elif lengths is None:
        lengths = [length] * b
    for row, n in enumerate(lengths):
        mask[row, n:] = 0
        input_ids[row, n:] = 0  # [PAD]
        if 0 < n < length:
            input_ids[row, n - 1] = 2  # [SEP]
    if params.get("bool_mask"):
        mask = mask.bool()
    return {
        "input_ids": input_ids, "attention_mask": mask, "normalize": bool(params.get("normalize", False)),
        "model_seed": int(params.get("model_seed", 0)), "dtype": params.get("dtype", "float32"),
    }


def _model(seed: int, dtype: str):
    """A tiny randomly initialized BERT, identical in every process for the same seed (nothing downloaded)."""
    key = (seed, dtype)
    if key not in _MODELS:
        from transformers import BertConfig, BertModel

        config = BertConfig(
            vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
            intermediate_size=64, max_position_embeddings=512, attn_implementation="eager",
        )
        torch.manual_seed(seed)
        _MODELS[key] = BertModel(config, add_pooling_layer=False).to(getattr(torch, dtype)).eval()
    return _MODELS[key]


def run(solution, inputs: dict):
    model = _model(inputs["model_seed"], inputs["dtype"])
    mask = inputs["attention_mask"]
    with torch.no_grad():
        hidden = model(input_ids=inputs["input_ids"], attention_mask=mask.long()).last_hidden_state
    return solution.mean_pool(hidden, mask, inputs["normalize"])

import torch

VOCAB = 100
_MODELS: dict = {}


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, length = params["batch"], params["length"]
    input_ids = torch.randint(4, VOCAB, (b, length), generator=generator)
    input_ids[:, 0] = 1  # [CLS]
    mask = torch.ones(b, length, dtype=torch.long)
    lengths = params.get("lengths") or torch.randint(1, length + 1, (b,), generator=generator).tolist()
    for row, n in enumerate(lengths):
        mask[row, n:] = 0
        input_ids[row, n:] = 0
    return {"input_ids": input_ids, "attention_mask": mask, "num_labels": params.get("num_labels", 3),
            "model_seed": int(params.get("model_seed", 0)), "dtype": params.get("dtype", "float32")}


def _model(seed: int, num_labels: int, dtype: str):
    """A tiny randomly initialized BertForSequenceClassification, the same in every process for a seed."""
    key = (seed, num_labels, dtype)
    if key not in _MODELS:
        from transformers import BertConfig, BertForSequenceClassification

        config = BertConfig(
            vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
            num_labels=num_labels, attn_implementation="eager",
        )
        torch.manual_seed(seed)
        model = BertForSequenceClassification(config)
        with torch.no_grad():  # larger head weights than the 0.02-std init, so mistakes show clearly
            for p in [*model.bert.pooler.parameters(), *model.classifier.parameters()]:
                p.normal_(0.0, 0.5)
        _MODELS[key] = model.to(getattr(torch, dtype)).eval()
    return _MODELS[key]


def run(solution, inputs: dict):
    model = _model(inputs["model_seed"], inputs["num_labels"], inputs["dtype"])
    with torch.no_grad():
        hidden = model.bert(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]).last_hidden_state
        state = {name: tensor.clone() for name, tensor in model.state_dict().items()
                 if name.startswith(("bert.pooler.", "classifier."))}
        return solution.classification_logits(hidden, state)

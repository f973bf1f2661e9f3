import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, length, vocab = params["batch"], params["length"], params["vocab"]
    special = params.get("special", [0, 1, 2, 3])  # [PAD], [CLS], [SEP], [MASK] by default
    pad_id, cls_id, sep_id = special[0], special[1], special[2]
    mask_id = params.get("mask_id", special[3])
    # Normal tokens: ids that are not special.
    normal = torch.tensor([i for i in range(vocab) if i not in special], dtype=torch.long)
    ids = torch.full((b, length), pad_id, dtype=torch.long)
    min_len = min(params.get("min_len", length), length)
    for row in range(b):
        if row in params.get("empty_rows", []):
            continue  # a row of padding only
        n = int(torch.randint(min_len, length + 1, (1,), generator=generator))  # tokens incl. [CLS]/[SEP]
        body = normal[torch.randint(len(normal), (max(n - 2, 0),), generator=generator)]
        seq = torch.cat([torch.tensor([cls_id]), body, torch.tensor([sep_id])])[:n]
        ids[row, :n] = seq
    return {
        "input_ids": ids, "special_ids": list(special), "mask_token_id": mask_id,
        "mlm_probability": float(params.get("p", 0.15)),
        "u_select": torch.rand(b, length, generator=generator),
        "u_action": torch.rand(b, length, generator=generator),
        "random_ids": torch.randint(vocab, (b, length), generator=generator),
    }


def run(solution, inputs: dict) -> dict:
    """The result, and whether `input_ids` survived the call (the statement forbids changing it in place)."""
    before = inputs["input_ids"].clone()
    masked, labels = solution.mlm_mask(**inputs)
    return {"masked": masked, "labels": labels, "input_unchanged": torch.equal(before, inputs["input_ids"])}

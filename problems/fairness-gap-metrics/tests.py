import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    n = params["n"]
    p_group = params.get("p_group", 0.4)
    group = (torch.rand(n, generator=generator) < p_group).long()
    # Base rates and a classifier that is biased towards group 1 by `bias`.
    p_label = torch.where(group == 1, params.get("base1", 0.5), params.get("base0", 0.5))
    y_true = (torch.rand(n, generator=generator) < p_label).long()
    score = y_true * params.get("signal", 1.5) + group * params.get("bias", 0.5)
    score = score + torch.randn(n, generator=generator)
    y_pred = (score > params.get("threshold", 1.0)).long()
    if params.get("all_negative_preds"):
        y_pred.zero_()
    if params.get("force"):
        # Make the edge cases explicit: `force` lists (index, pred, label, group) rows.
        for i, pred, label, g in params["force"]:
            y_pred[i], y_true[i], group[i] = pred, label, g
    dtype = getattr(torch, params.get("dtype", "int64"))
    tensors = [y_pred.to(dtype), y_true.to(dtype), group.to(dtype)]
    if params.get("strided"):
        tensors = [t.repeat_interleave(3)[1::3] for t in tensors]
    return {"y_pred": tensors[0], "y_true": tensors[1], "group": tensors[2]}

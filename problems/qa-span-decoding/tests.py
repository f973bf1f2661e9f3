import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, length, question = params["batch"], params["length"], params["question"]
    if params.get("integer"):  # small integers: many exactly tied spans
        start = torch.randint(0, 4, (b, length), generator=generator).double()
        end = torch.randint(0, 4, (b, length), generator=generator).double()
    else:
        start = torch.randn(b, length, generator=generator, dtype=torch.float64) * 2
        end = torch.randn(b, length, generator=generator, dtype=torch.float64) * 2
    ctx = torch.zeros(b, length, dtype=torch.bool)
    n_ctx = params.get("context_tokens", length - question - 2)
    ctx[:, question + 1 : question + 1 + n_ctx] = True  # [CLS] question [SEP] context [SEP] padding
    bait = params.get("bait")
    lo, hi = question + 1, question + n_ctx  # first and last context token
    for row in range(b):
        if bait == "reversed":  # best end lies before best start
            s = int(torch.randint(lo + n_ctx // 2, hi + 1, (1,), generator=generator))
            e = int(torch.randint(lo, lo + n_ctx // 2, (1,), generator=generator))
            start[row, s] += 8
            end[row, e] += 8
        elif bait == "long":  # best start and end exactly max_len + 1 tokens apart
            s = int(torch.randint(lo, hi - params["max_len"], (1,), generator=generator))
            start[row, s] += 8
            end[row, s + params["max_len"]] += 8
        elif bait == "question":  # strongest logits inside the question and on [CLS]
            start[row, : question + 1] += 8
            end[row, : question + 1] += 8
    return {"start_logits": start.to(dtype), "end_logits": end.to(dtype), "context_mask": ctx,
            "max_answer_len": int(params["max_len"])}

import torch


def _gpt2_logits(input_ids: torch.Tensor, attention_mask: torch.Tensor, vocab: int, seed: int) -> torch.Tensor:
    """Logits of a tiny randomly initialized GPT-2 (built from a config; nothing is downloaded)."""
    from transformers import GPT2Config, GPT2LMHeadModel

    config = GPT2Config(n_embd=32, n_layer=2, n_head=2, vocab_size=vocab,
                        n_positions=max(64, input_ids.shape[1]), attn_implementation="eager")
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = GPT2LMHeadModel(config).eval()
        with torch.no_grad():
            return model(input_ids=input_ids, attention_mask=attention_mask).logits.double()


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    b, t, v = params["batch"], params["length"], params["vocab"]
    lengths = params.get("lengths")
    if lengths is None:
        lengths = torch.randint(2, t + 1, (b,), generator=generator).tolist()
    lengths = torch.tensor(lengths)
    mask = (torch.arange(t)[None, :] < lengths[:, None]).long()  # right padding
    ids = torch.randint(0, v, (b, t), generator=generator)
    ids = ids.masked_fill(mask == 0, 0)  # the pad token id is 0
    seed = int(torch.randint(0, 2**31 - 1, (1,), generator=generator))
    logits = _gpt2_logits(ids, mask, v, seed) * params.get("logit_scale", 10.0)
    nxt = ids[:, 1:]
    real = mask[:, 1:].bool()
    if params.get("offset"):
        # A large per-position constant: log-softmax does not change, exp(logits) overflows.
        shift = torch.rand(b, t, 1, generator=generator, dtype=torch.float64) * params["offset"]
        logits = logits + shift + params["offset"] / 2
    if params.get("confident"):
        # The model is extremely sure of every real next token.
        boost = torch.zeros(b, t - 1, v, dtype=torch.float64)
        boost.scatter_(2, nxt[..., None], params["confident"])
        logits[:, :-1] += boost * real[..., None]
    if params.get("rare_miss"):
        # At one real position the true token gets a tiny probability (underflows float32 if exponentiated).
        where = real.nonzero()
        pick = where[int(torch.randint(0, where.shape[0], (1,), generator=generator))]
        bi, ti = int(pick[0]), int(pick[1])
        logits[bi, ti, nxt[bi, ti]] -= params["rare_miss"]
    dtype = getattr(torch, params.get("dtype", "float32"))
    logits = logits.to(dtype)
    if params.get("transpose"):
        logits = logits.transpose(1, 2).contiguous().transpose(1, 2)  # [B, T, V] view of [B, V, T] storage
    if params.get("bool_mask"):
        mask = mask.bool()
    return {"logits": logits, "input_ids": ids, "attention_mask": mask}

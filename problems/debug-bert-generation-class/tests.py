import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    vocab = params["vocab"]
    ids = torch.randint(3, vocab, (params["batch"], params["length"]), generator=generator)
    return {"task": params["task"], "vocab_size": vocab, "num_labels": int(params.get("num_labels", 2)),
            "input_ids": ids, "new_tokens": int(params.get("new_tokens", 4))}


def run(solution, inputs: dict):
    """What the model can do, by behaviour: output shape, causality, and (for generation) generate()."""
    torch.manual_seed(0)
    model = solution.build_model(inputs["task"], inputs["vocab_size"], inputs["num_labels"]).eval()
    ids = inputs["input_ids"]
    changed = ids.clone()
    changed[:, -1] = (changed[:, -1] + 1 - 3) % (inputs["vocab_size"] - 3) + 3  # another real token at the end
    with torch.no_grad():
        logits = model(input_ids=ids).logits
        other = model(input_ids=changed).logits
    result = {"logits_shape": list(logits.shape)}
    if inputs["task"] == "classification":
        return result
    # Causal: editing the last token must not change the predictions at earlier positions.
    result["causal"] = bool(torch.allclose(logits[:, :-1], other[:, :-1], atol=1e-5, rtol=0.0))
    if inputs["task"] == "generation":
        try:
            out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=inputs["new_tokens"],
                                 do_sample=False, pad_token_id=0)
            result["generated_shape"] = list(out.shape)
            result["prompt_kept"] = bool(torch.equal(out[:, : ids.shape[1]], ids))
        except Exception as exc:  # noqa: BLE001 - a model that cannot generate is the finding, not a crash
            result["generated_shape"] = f"generate() failed: {type(exc).__name__}"
            result["prompt_kept"] = False
    return result

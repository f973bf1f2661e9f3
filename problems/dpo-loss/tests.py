import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    pairs, length, vocab = params["pairs"], params["length"], params["vocab"]
    rows = 2 * pairs  # rows 0..pairs-1 chosen, pairs..2*pairs-1 rejected
    labels = torch.randint(0, vocab, (rows, length), generator=generator)
    prompt = params.get("prompt", [1] * rows)
    pad = params.get("pad", [0] * rows)
    for r in range(rows):
        labels[r, :prompt[r]] = -100  # the prompt is shared, not scored
        if pad[r]:
            labels[r, length - pad[r]:] = -100
    policy = torch.randn(rows, length, vocab, generator=generator, dtype=torch.float64) * params.get("scale", 2.0)
    reference = policy + torch.randn(rows, length, vocab, generator=generator, dtype=torch.float64) * 0.5
    push = params.get("push", 0.0)  # > 0: the policy strongly prefers the rejected answers
    if push:
        for r in range(rows):
            for t in range(length - 1):
                y = int(labels[r, t + 1])
                if y != -100:
                    policy[r, t, y] += push if r >= pairs else -push
    return {"policy_logits": policy.to(dtype), "reference_logits": reference.to(dtype), "labels": labels,
            "beta": float(params.get("beta", 0.1))}


def run(solution, inputs: dict) -> dict:
    policy = inputs["policy_logits"].clone().requires_grad_(True)
    # As if the reference model's parameters were trainable too: the loss must not send gradient into it.
    reference = inputs["reference_logits"].clone().requires_grad_(True)
    loss, chosen, rejected = solution.dpo_loss(policy, reference, inputs["labels"], inputs["beta"])
    loss.backward()
    return {
        "loss": loss.detach(), "chosen_rewards": chosen.detach(), "rejected_rewards": rejected.detach(),
        "rewards_detached": not (chosen.requires_grad or rejected.requires_grad),
        "reference_gets_no_grad": reference.grad is None or not bool(reference.grad.any()),
        "grad": policy.grad,
    }

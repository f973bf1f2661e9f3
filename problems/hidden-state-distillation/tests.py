import torch
from torch import nn


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, t = params["batch"], params["length"]
    d_s, d_t = params["student_dim"], params["teacher_dim"]
    layer_map = [list(pair) for pair in params["layer_map"]]
    n_s = max(s for s, _ in layer_map) + 1
    n_t = max(j for _, j in layer_map) + 1

    def normal(*shape: int, std: float = 1.0) -> torch.Tensor:
        return (torch.randn(*shape, generator=generator, dtype=torch.float64) * std).to(dtype)

    mask = torch.ones(b, t, dtype=torch.long)
    lengths = params.get("lengths") or torch.randint(1, t + 1, (b,), generator=generator).tolist()
    for row, n in enumerate(lengths):
        mask[row, n:] = 0
    # Padded positions hold real-looking hidden states, as a transformer's outputs do.
    return {
        "student_hidden": [normal(b, t, d_s) for _ in range(n_s)],
        "teacher_hidden": [normal(b, t, d_t, std=params.get("teacher_scale", 1.0)) for _ in range(n_t)],
        "proj_weight": normal(d_t, d_s, std=d_s**-0.5), "proj_bias": normal(d_t, std=0.1),
        "layer_map": layer_map, "attention_mask": mask,
    }


def run(solution, inputs: dict) -> dict:
    """The loss, the gradients it sends to the student and the projection, and whether the teacher got one."""
    student = [h.clone().requires_grad_(True) for h in inputs["student_hidden"]]
    # As if the teacher had just run with autograd on: a loss that does not detach it sends it a gradient.
    teacher = [h.clone().requires_grad_(True) for h in inputs["teacher_hidden"]]
    w = inputs["proj_weight"]
    proj = nn.Linear(w.shape[1], w.shape[0]).to(device=w.device, dtype=w.dtype)
    with torch.no_grad():
        proj.weight.copy_(w)
        proj.bias.copy_(inputs["proj_bias"])
    pairs = [tuple(pair) for pair in inputs["layer_map"]]
    loss = solution.hidden_distillation_loss(student, teacher, proj, pairs, inputs["attention_mask"])
    loss.backward()
    return {
        "loss": loss.detach(),
        "student_grads": [h.grad if h.grad is not None else torch.zeros_like(h) for h in student],
        "proj_weight_grad": proj.weight.grad, "proj_bias_grad": proj.bias.grad,
        "teacher_gets_gradient": any(h.grad is not None for h in teacher),
    }

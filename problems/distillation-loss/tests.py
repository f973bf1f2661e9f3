import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    n, c = params["batch"], params["classes"]
    shape = (c, n) if params.get("transpose") else (n, c)
    scale = params.get("scale", 1.0)
    student = torch.randn(*shape, generator=generator, dtype=torch.float64) * scale
    teacher = torch.randn(*shape, generator=generator, dtype=torch.float64) * scale * params.get("teacher_scale", 1.0)
    student, teacher = student.to(dtype), teacher.to(dtype)
    if params.get("transpose"):
        student, teacher = student.mT, teacher.mT
    labels = torch.randint(0, c, (n,), generator=generator)
    return {"student_logits": student, "teacher_logits": teacher, "labels": labels,
            "temperature": float(params["temperature"]), "alpha": float(params["alpha"])}


def run(solution, inputs):
    """Returns the loss, its gradient with respect to the student logits, and whether the teacher got one."""
    student = inputs["student_logits"].clone().requires_grad_(True)
    # As if the teacher had just run with autograd on: a loss that does not detach it sends it a gradient.
    teacher = inputs["teacher_logits"].clone().requires_grad_(True)
    loss = solution.distillation_loss(student, teacher, inputs["labels"], inputs["temperature"], inputs["alpha"])
    loss.backward()
    grad = student.grad if student.grad is not None else torch.zeros_like(student)
    return {"loss": loss.detach(), "grad": grad, "teacher_gets_gradient": teacher.grad is not None}

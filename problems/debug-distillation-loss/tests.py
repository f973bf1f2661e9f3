import torch


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    dtype = getattr(torch, params.get("dtype", "float32"))
    b, length, vocab = params["batch"], params["length"], params["vocab"]
    scale = params.get("scale", 1.0)
    student = torch.randn(b, length, vocab, generator=generator, dtype=torch.float64) * scale
    teacher = torch.randn(b, length, vocab, generator=generator, dtype=torch.float64) * scale * 1.5
    if params.get("no_padding"):
        lengths = torch.full((b,), length)
    else:
        lengths = torch.randint(1, length + 1, (b,), generator=generator)
    if params.get("empty_row"):
        lengths[0] = 0
        lengths[-1] = length
    mask = torch.arange(length)[None, :] < lengths[:, None]
    # Padded positions hold junk logits, as a real model produces for pad tokens.
    junk = torch.randn(b, length, vocab, generator=generator, dtype=torch.float64) * 50.0
    student = torch.where(mask[..., None], student, junk)
    teacher = torch.where(mask[..., None], teacher, junk.flip(-1))
    student, teacher = student.to(dtype), teacher.to(dtype)
    if params.get("transpose"):
        # Same values, stored length-major: the tensors are non-contiguous.
        student = student.transpose(0, 1).contiguous().transpose(0, 1)
        teacher = teacher.transpose(0, 1).contiguous().transpose(0, 1)
    return {"student_logits": student, "teacher_logits": teacher, "mask": mask,
            "temperature": float(params["temperature"])}


def run(solution, inputs):
    """The teacher's logits arrive with requires_grad=True, as if the teacher ran outside torch.no_grad()."""
    student = inputs["student_logits"].clone().requires_grad_(True)
    teacher = inputs["teacher_logits"].clone().requires_grad_(True)
    loss = solution.token_distillation_loss(student, teacher, inputs["mask"], inputs["temperature"])
    loss.backward()
    zeros = torch.zeros_like(student)
    return {
        "loss": loss.detach(),
        "student_grad": student.grad if student.grad is not None else zeros,
        "teacher_grad": teacher.grad if teacher.grad is not None else zeros,
    }

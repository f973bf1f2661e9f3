import torch
import torch.nn.functional as F
from torch import nn

GRID = 4  # the stand-in proposes one box per class in each cell of a GRID x GRID grid


class TinyDetector(nn.Module):
    """A small stand-in with torchvision's detection interface (FasterRCNN is too slow on one CPU core).

    Like torchvision's detectors it takes a list of (3, H, W) images of any sizes (or a 4-D batch), raises
    in training mode without targets, and in eval mode returns one dict per image with `boxes` (K, 4) in
    pixel coordinates, `labels` (K,) int64 (0 is background and never returned) and `scores` (K,), sorted by
    decreasing score, keeping scores above 0.05 and at most 20 detections.
    """

    def __init__(self, num_classes: int) -> None:
        super().__init__()
        self.num_classes = num_classes
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.cls = nn.Conv2d(8, num_classes, 1)
        self.box = nn.Conv2d(8, 4, 1)

    def forward(self, images, targets=None):
        if self.training and targets is None:
            raise AssertionError("targets should not be none when in training mode")
        outputs = []
        for image in images:
            feats = F.adaptive_avg_pool2d(torch.relu(self.bn(self.conv(image[None]))), GRID)
            probs = torch.softmax(self.cls(feats)[0], dim=0).flatten(1)  # (classes, cells)
            h, w = image.shape[-2:]
            cy, cx = torch.meshgrid(torch.arange(GRID), torch.arange(GRID), indexing="ij")
            centre = torch.stack([(cx.flatten() + 0.5) * w / GRID, (cy.flatten() + 0.5) * h / GRID], 1)
            centre = centre.to(image)
            cell = torch.tensor([w / GRID, h / GRID]).to(image)
            deltas = self.box(feats)[0].flatten(1).T  # (cells, 4)
            size = cell * torch.exp(deltas[:, 2:].clamp(-2, 2))
            shift = torch.tanh(deltas[:, :2]) * cell
            boxes = torch.cat([centre + shift - size / 2, centre + shift + size / 2], 1)
            boxes[:, 0::2] = boxes[:, 0::2].clamp(0, w)
            boxes[:, 1::2] = boxes[:, 1::2].clamp(0, h)
            scores = probs[1:].flatten()  # class-major: (class 1 cells..., class 2 cells..., ...)
            labels = torch.arange(1, self.num_classes).repeat_interleave(GRID * GRID)
            keep = scores > 0.05
            scores, labels, cells = scores[keep], labels[keep], keep.nonzero()[:, 0] % (GRID * GRID)
            order = torch.sort(scores, descending=True, stable=True).indices[:20]
            outputs.append({"boxes": boxes[cells[order]], "labels": labels[order], "scores": scores[order]})
        return outputs


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    sizes = params["sizes"]
    images = []
    for h, w in sizes:  # dim noise with a few bright rectangles ("objects"), so grid cells differ
        image = 0.2 * torch.rand(3, h, w, generator=generator)
        for _ in range(3):
            y0 = int(torch.randint(0, h - 4, (1,), generator=generator))
            x0 = int(torch.randint(0, w - 4, (1,), generator=generator))
            dy = int(torch.randint(4, h // 2 + 5, (1,), generator=generator))
            dx = int(torch.randint(4, w // 2 + 5, (1,), generator=generator))
            image[:, y0 : y0 + dy, x0 : x0 + dx] = torch.rand(3, 1, 1, generator=generator)
        images.append(image)
    c = params["classes"]

    def randn(*shape, scale=1.0):
        return torch.randn(*shape, generator=generator) * scale

    state = {
        "conv.weight": randn(8, 3, 3, 3, scale=0.5), "conv.bias": randn(8, scale=0.1),
        "bn.weight": 1 + randn(8, scale=0.2), "bn.bias": randn(8, scale=0.2),
        "bn.running_mean": randn(8, scale=0.3), "bn.running_var": 0.5 + torch.rand(8, generator=generator),
        "bn.num_batches_tracked": torch.tensor(50),
        "cls.weight": randn(c, 8, 1, 1, scale=params.get("logit_scale", 2.0)),
        "cls.bias": randn(c, scale=0.5) - 2.0 * (torch.arange(c) == 0),  # background less likely
        "box.weight": randn(4, 8, 1, 1, scale=0.5), "box.bias": randn(4, scale=0.1),
    }
    return {"images": images, "state": state, "classes": c, "score_threshold": float(params["threshold"]),
            "start_training": bool(params.get("start_training", True))}


def run(solution, inputs: dict):
    model = TinyDetector(inputs["classes"])
    model.load_state_dict(inputs["state"])
    model.train(inputs["start_training"])
    images = [img.clone() for img in inputs["images"]]
    result = solution.detect(model, images, inputs["score_threshold"])
    if not isinstance(result, (list, tuple)) or not all(isinstance(r, dict) for r in result):
        raise TypeError(f"detect must return a list of dicts, one per image; got {type(result).__name__}")
    return {"detections": [{k: r[k] for k in ("boxes", "labels", "scores")} for r in result],
            "training_after": bool(model.training)}

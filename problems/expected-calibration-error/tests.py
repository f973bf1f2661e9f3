import torch


def _split(n: int, classes: int, sharpen: float, generator: torch.Generator):
    true_logits = torch.randn(n, classes, generator=generator, dtype=torch.float64) * 1.5
    labels = torch.multinomial(torch.softmax(true_logits, 1), 1, generator=generator)[:, 0]
    noise = torch.randn(n, classes, generator=generator, dtype=torch.float64) * 0.3
    return (true_logits + noise) * sharpen, labels  # sharpen > 1: over-confident model


def make_inputs(params: dict, generator: torch.Generator) -> dict:
    c = params["classes"]
    val_logits, val_labels = _split(params["n_val"], c, params["sharpen"], generator)
    test_logits, test_labels = _split(params["n_test"], c, params.get("test_sharpen", params["sharpen"]), generator)
    return {"val_logits": val_logits, "val_labels": val_labels, "test_logits": test_logits,
            "test_labels": test_labels, "n_bins": int(params.get("n_bins", 15))}


def _ece(logits: torch.Tensor, labels: torch.Tensor, n_bins: int) -> float:
    probs = torch.softmax(logits, dim=1)
    confidence, prediction = probs.max(dim=1)
    total = 0.0
    for m in range(n_bins):
        lo, hi = m / n_bins, (m + 1) / n_bins
        in_bin = (confidence > lo) & (confidence <= hi) if m else confidence <= hi
        if bool(in_bin.any()):
            acc = (prediction[in_bin] == labels[in_bin]).double().mean()
            total += float(in_bin.double().mean() * (acc - confidence[in_bin].mean()).abs())
    return total


def check(got, expected, inputs: dict, params: dict):
    """ece_before against the reference; T within 1e-3 relative; ece_after recomputed at the submitted T."""
    if not isinstance(got, dict) or set(got) != {"temperature", "ece_before", "ece_after"}:
        return "expected a dict with keys temperature, ece_before, ece_after"
    try:
        t, before, after = (float(got[k]) for k in ("temperature", "ece_before", "ece_after"))
    except (TypeError, ValueError):
        return "every value must be a float"
    if not abs(before - expected["ece_before"]) <= 1e-6:
        return f"ece_before is off by {abs(before - expected['ece_before']):.3g}"
    t_ref = expected["temperature"]
    if not abs(t - t_ref) <= 1e-3 * t_ref:
        return f"temperature is off by a relative {abs(t - t_ref) / t_ref:.3g} (allowed 1e-3)"
    want = _ece(inputs["test_logits"] / t, inputs["test_labels"], inputs["n_bins"])
    if not abs(after - want) <= 1e-6:
        return f"ece_after differs from the ECE at your temperature by {abs(after - want):.3g}"
    return None

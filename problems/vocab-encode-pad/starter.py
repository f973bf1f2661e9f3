import torch  # noqa: F401 - you will need it


def encode_batch(batch: list[list[str]], vocab: dict[str, int], max_len: int) -> dict:
    """Token ids with [CLS]/[SEP], truncated to max_len, right-padded to the batch maximum, plus the mask."""
    raise NotImplementedError

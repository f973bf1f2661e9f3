def bleu(candidate: list[int], references: list[list[int]], max_n: int = 4) -> dict:
    """Clipped n-gram precisions (n = 1..max_n), brevity penalty and BLEU of one candidate."""
    raise NotImplementedError

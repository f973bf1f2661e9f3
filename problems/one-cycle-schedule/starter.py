def one_cycle(max_lr: float, total_steps: int, pct_start: float = 0.3, div_factor: float = 25.0,
              final_div_factor: float = 1.0e4, base_momentum: float = 0.85, max_momentum: float = 0.95) -> dict:
    """{"lr": [...], "momentum": [...]}: the rate and momentum of each step 0 .. total_steps-1, like OneCycleLR."""
    raise NotImplementedError

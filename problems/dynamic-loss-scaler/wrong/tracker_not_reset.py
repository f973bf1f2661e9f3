import torch


class DynamicLossScaler:
    def __init__(self, init_scale: float = 65536.0, growth_factor: float = 2.0, backoff_factor: float = 0.5,
                 growth_interval: int = 2000) -> None:
        self._scale = float(init_scale)
        self.growth_factor = growth_factor
        self.backoff_factor = backoff_factor
        self.growth_interval = growth_interval
        self._good_steps = 0  # consecutive steps without inf/NaN since the last change of scale
        self._unscaled = False  # per iteration: unscale_ already ran
        self._found_inf = False

    def get_scale(self) -> float:
        return self._scale

    def scale(self, loss: torch.Tensor) -> torch.Tensor:
        return loss * self._scale

    def _grads(self, optimizer: torch.optim.Optimizer):
        for group in optimizer.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    yield p.grad

    @torch.no_grad()
    def unscale_(self, optimizer: torch.optim.Optimizer) -> None:
        if self._unscaled:
            return  # twice would divide the gradients by the scale twice
        for grad in self._grads(optimizer):
            grad.div_(self._scale)
            if not bool(torch.isfinite(grad).all()):
                self._found_inf = True
        self._unscaled = True

    def step(self, optimizer: torch.optim.Optimizer) -> bool:
        self.unscale_(optimizer)
        if self._found_inf:
            return False  # skip: one bad batch must not write inf/NaN into the weights or the momentum
        optimizer.step()
        return True

    def update(self) -> None:
        if self._found_inf:
            self._scale *= self.backoff_factor  # wrong: the count of good steps is not reset
        else:
            self._good_steps += 1
            if self._good_steps == self.growth_interval:
                self._scale *= self.growth_factor
                self._good_steps = 0
        self._unscaled = False
        self._found_inf = False

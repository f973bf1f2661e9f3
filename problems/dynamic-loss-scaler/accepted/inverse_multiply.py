import torch


class DynamicLossScaler:
    # Multiplies by 1 / scale (as torch.amp does) instead of dividing: differently rounded when the
    # scale is not a power of two.
    def __init__(self, init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.s = float(init_scale)
        self.growth, self.backoff, self.interval = growth_factor, backoff_factor, growth_interval
        self.tracker = 0
        self.state = None  # None, or "found_inf" / "ok" once unscaled this iteration

    def get_scale(self):
        return self.s

    def scale(self, loss):
        return loss * self.s

    def unscale_(self, optimizer):
        if self.state is not None:
            return
        grads = [p.grad for g in optimizer.param_groups for p in g["params"] if p.grad is not None]
        inv = 1.0 / self.s
        bad = False
        with torch.no_grad():
            for g in grads:
                g.mul_(inv)
                bad = bad or bool(torch.isnan(g).any() or torch.isinf(g).any())
        self.state = "found_inf" if bad else "ok"

    def step(self, optimizer):
        self.unscale_(optimizer)
        if self.state == "ok":
            optimizer.step()
            return True
        return False

    def update(self):
        if self.state == "found_inf":
            self.s, self.tracker = self.s * self.backoff, 0
        else:
            self.tracker += 1
            if self.tracker >= self.interval:
                self.s, self.tracker = self.s * self.growth, 0
        self.state = None

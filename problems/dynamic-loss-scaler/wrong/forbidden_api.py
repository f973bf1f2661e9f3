import torch


class DynamicLossScaler(torch.amp.GradScaler):
    def __init__(self, *args, **kwargs):
        super().__init__("cpu", *args, **kwargs)

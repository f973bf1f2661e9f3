import torch
from torch import nn


class PreLNBlock(nn.TransformerEncoderLayer):
    pass

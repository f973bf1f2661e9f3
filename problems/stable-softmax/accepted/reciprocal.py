def softmax(x, dim=-1):
    top = x.max(dim=dim, keepdim=True).values
    top = top.nan_to_num(0.0, posinf=0.0, neginf=0.0)  # an all -inf slice: shift by 0, giving 0 * inf = NaN
    e = (x - top).exp()
    return e * e.sum(dim=dim, keepdim=True).reciprocal()

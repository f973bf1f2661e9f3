import torch


def grouped_query_attention(x, wq, wk, wv, wo, num_heads, num_kv_heads, key_padding_mask=None):
    # No copies of K and V: view the query heads as (kv head, group) and broadcast. Differently rounded.
    b, n, _ = x.shape
    hd = wq.shape[0] // num_heads
    g = num_heads // num_kv_heads
    q = torch.nn.functional.linear(x, wq).view(b, n, num_kv_heads, g, hd).permute(0, 2, 3, 1, 4)
    k = torch.nn.functional.linear(x, wk).view(b, n, num_kv_heads, 1, hd).permute(0, 2, 3, 1, 4)
    v = torch.nn.functional.linear(x, wv).view(b, n, num_kv_heads, 1, hd).permute(0, 2, 3, 1, 4)
    s = torch.matmul(q * hd ** -0.5, k.transpose(-2, -1))                   # (B, Hkv, g, L, L)
    i = torch.arange(n, device=x.device)
    bad = (i[None, :] > i[:, None])[None, None, None]
    if key_padding_mask is not None:
        bad = bad | key_padding_mask[:, None, None, None, :]
    a = torch.matmul(s.masked_fill(bad, float("-inf")).softmax(-1), v)     # (B, Hkv, g, L, hd)
    return torch.nn.functional.linear(a.permute(0, 3, 1, 2, 4).reshape(b, n, num_heads * hd), wo)

import torch


def align_labels(word_ids, word_labels, b_to_i, label_all_subtokens=False):
    out = torch.full_like(word_ids, -100)
    for b in range(word_ids.shape[0]):
        seen = set()
        for t, w in enumerate(word_ids[b].tolist()):
            if w < 0:
                continue
            label = int(word_labels[b, w])
            if w not in seen:  # first time this id appears in the row
                seen.add(w)
                out[b, t] = label
            elif label_all_subtokens and label != -100:
                out[b, t] = int(b_to_i[label])
    return out

import torch


def classification_report(y_true: torch.Tensor, y_pred: torch.Tensor, num_classes: int) -> dict:
    k = num_classes
    # confusion[t, p] = number of samples of true class t predicted as p
    confusion = torch.bincount(y_true * k + y_pred, minlength=k * k).reshape(k, k)
    tp = confusion.diagonal()
    support = confusion.sum(dim=1)  # true instances per class
    predicted = confusion.sum(dim=0)  # predictions per class
    fp = predicted - tp
    fn = support - tp

    def ratio(num, den):
        num, den = num.double(), den.double()
        return num / den

    precision = ratio(tp, predicted)
    recall = ratio(tp, support)
    f1 = ratio(2 * tp, 2 * tp + fp + fn)
    weighted_f1 = (f1 * support.double()).sum() / support.sum().double()
    return {"precision": precision, "recall": recall, "f1": f1, "support": support, "weighted_f1": weighted_f1}

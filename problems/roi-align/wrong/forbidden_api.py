from torchvision.ops import roi_align as torchvision_roi_align


def roi_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned):
    return torchvision_roi_align(input, boxes, output_size, spatial_scale, sampling_ratio, aligned)

# torchvision's evaluation pipeline on tensors for an ImageNet-pretrained net: grayscale repeated into three
# channels, Resize(resize) (bilinear, no antialiasing), CenterCrop(crop) and ImageNet's Normalize, applied to N raw
# HxW uint8 images; writes the N x 3 x crop x crop float32 result.
import sys

import numpy as np
import torch
from torchvision import transforms

pixels_path, count, height, width, resize, crop, output_path = sys.argv[1], *map(int, sys.argv[2:7]), sys.argv[7]
images = torch.from_numpy(np.fromfile(pixels_path, dtype=np.uint8).reshape(count, 1, height, width))
pipeline = transforms.Compose([
    transforms.Resize(resize, interpolation=transforms.InterpolationMode.BILINEAR, antialias=False),
    transforms.CenterCrop(crop),
    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])
batch = pipeline(images.float().div(255).repeat(1, 3, 1, 1))
batch.numpy().astype(np.float32).tofile(output_path)

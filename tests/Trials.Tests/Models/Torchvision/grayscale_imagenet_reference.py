# torchvision's input pipeline for an ImageNet-pretrained net on grayscale images: Grayscale(3), ToTensor and
# ImageNet's Normalize, applied to N raw HxW uint8 images; writes the N x 3 x H x W float32 result.
import sys

import numpy as np
from PIL import Image
from torchvision import transforms

pixels_path, count, height, width, output_path = sys.argv[1], *map(int, sys.argv[2:5]), sys.argv[5]
images = np.fromfile(pixels_path, dtype=np.uint8).reshape(count, height, width)
pipeline = transforms.Compose([
    transforms.Grayscale(num_output_channels=3),
    transforms.ToTensor(),
    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])
batch = np.stack([pipeline(Image.fromarray(image, mode="L")).numpy() for image in images])
batch.astype(np.float32).tofile(output_path)

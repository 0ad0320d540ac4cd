# torchvision's resized_crop on tensors (bilinear, no antialiasing): each of N float32 C x H x W images cut to its
# box (an N x 4 int64 file of top, left, height, width) and resized to OUT_H x OUT_W; writes the float32 result.
import sys

import numpy as np
import torch
from torchvision.transforms import InterpolationMode
from torchvision.transforms import functional

pixels_path, count, channels, height, width = sys.argv[1], *map(int, sys.argv[2:6])
boxes_path, out_height, out_width, output_path = sys.argv[6], int(sys.argv[7]), int(sys.argv[8]), sys.argv[9]
images = torch.from_numpy(np.fromfile(pixels_path, dtype=np.float32).reshape(count, channels, height, width))
boxes = np.fromfile(boxes_path, dtype=np.int64).reshape(count, 4)
crops = [functional.resized_crop(image, *map(int, box), [out_height, out_width], InterpolationMode.BILINEAR,
                                 antialias=False) for image, box in zip(images, boxes)]
torch.stack(crops).numpy().astype(np.float32).tofile(output_path)

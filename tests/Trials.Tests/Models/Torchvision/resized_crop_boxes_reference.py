# torchvision's RandomResizedCrop.get_params (scale=(s, 1), the default ratio 3/4 to 4/3) drawn COUNT times for one
# HEIGHT x WIDTH image; writes the COUNT x 4 int64 boxes (top, left, height, width).
import sys

import numpy as np
import torch
from torchvision import transforms

height, width = int(sys.argv[1]), int(sys.argv[2])
scale, count, seed, output_path = float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
torch.manual_seed(seed)
image = torch.zeros(1, height, width)
boxes = [transforms.RandomResizedCrop.get_params(image, [scale, 1.0], [3 / 4, 4 / 3]) for _ in range(count)]
np.array(boxes, dtype=np.int64).tofile(output_path)

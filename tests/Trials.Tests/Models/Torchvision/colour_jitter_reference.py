# torchvision's adjust_hue and adjust_saturation on tensors, one factor per image: reads N x 3 x H x W float32
# pixels in [0, 1], writes the hue-shifted batch then the saturated one.
import sys

import numpy as np
import torch
from torchvision.transforms import functional as F

pixels_path, count, height, width, output_path = sys.argv[1], *map(int, sys.argv[2:5]), sys.argv[5]
hues = [float(v) for v in sys.argv[6].split(",")]
saturations = [float(v) for v in sys.argv[7].split(",")]
images = torch.from_numpy(np.fromfile(pixels_path, dtype=np.float32).reshape(count, 3, height, width))
hue = torch.stack([F.adjust_hue(image, factor) for image, factor in zip(images, hues)])
saturated = torch.stack([F.adjust_saturation(image, factor) for image, factor in zip(images, saturations)])
torch.cat([hue, saturated]).numpy().astype(np.float32).tofile(output_path)

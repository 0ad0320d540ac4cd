# torchvision's evaluation pipeline on a decoded image file: PIL decodes it, Resize(size) scales its shorter side to
# size keeping the aspect (PIL's bilinear filter, antialiased as PIL always is), CenterCrop(size) cuts the centre
# square; writes the 3 x size x size uint8 result.
import sys

import numpy as np
from PIL import Image
from torchvision import transforms

image_path, size, output_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pipeline = transforms.Compose([
    transforms.Resize(size, interpolation=transforms.InterpolationMode.BILINEAR),
    transforms.CenterCrop(size),
])
square = pipeline(Image.open(image_path).convert("RGB"))
np.asarray(square, dtype=np.uint8).transpose(2, 0, 1).tofile(output_path)

"""Loads a ResNet-18 Sweep exported with `export-weights --format pytorch` into torchvision's and writes its logits.

Arguments: the exported state dict, the input file (a dict holding "images", [N, C, H, W]), the class count, and the
output file, which receives {"logits": ...} in eval mode. Sweep's `stem: small` is torchvision's ResNet with conv1 made
a 3x3 stride-1 convolution over the dataset's channels and no max-pool, so the model is changed the same way before
load_state_dict(strict=True) checks every name and shape.
"""
import sys

import torch
import torchvision

exported, inputs, classes, output = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
torch.set_num_threads(1)
images = torch.load(inputs)["images"]
model = torchvision.models.resnet18(num_classes=classes)
model.conv1 = torch.nn.Conv2d(images.shape[1], 64, kernel_size=3, stride=1, padding=1, bias=False)
model.maxpool = torch.nn.Identity()
model.load_state_dict(torch.load(exported), strict=True)
model.eval()
with torch.no_grad():
    torch.save({"logits": model(images)}, output)

"""Writes the PyTorch side of TorchvisionEqualityTests into the folder given as the only argument.

A randomly initialised torchvision ResNet-18 (10 classes, fixed seed, nothing downloaded) whose BatchNorm layers
are given non-trivial statistics, so that loading every buffer matters:
  resnet18.pth    its state dict, as torch.save(model.state_dict()) writes it
  reference.pth   input [4, 3, 64, 64], labels, eval-mode logits, and after one training-mode step (cross-entropy):
                  the loss, gradients of a few parameters and a running mean the step updated
  keys.txt        state-dict keys in order, each with its shape
"""
import sys

import torch
import torchvision

folder = sys.argv[1]
torch.manual_seed(20260101)
torch.set_num_threads(1)
model = torchvision.models.resnet18(num_classes=10)
with torch.no_grad():
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.weight.uniform_(0.5, 1.5)
            module.bias.normal_(0.0, 0.1)
            module.running_mean.normal_(0.0, 0.1)
            module.running_var.uniform_(0.5, 1.5)
            module.num_batches_tracked.fill_(7)
torch.save(model.state_dict(), f"{folder}/resnet18.pth")
with open(f"{folder}/keys.txt", "w") as keys:
    for name, tensor in model.state_dict().items():
        keys.write(f"{name} {','.join(str(size) for size in tensor.shape)}\n")

images = torch.randn(4, 3, 64, 64)
labels = torch.tensor([3, 0, 9, 5])
model.eval()
with torch.no_grad():
    logits = model(images)

model.train()
loss = torch.nn.functional.cross_entropy(model(images), labels)
loss.backward()
reference = {
    "images": images,
    "labels": labels,
    "logits": logits,
    "loss": loss.detach().reshape(1),
    "layer1.0.bn1.running_mean": model.layer1[0].bn1.running_mean.clone(),
}
for name in ["conv1.weight", "bn1.weight", "layer4.1.conv2.weight", "layer2.0.downsample.0.weight",
             "fc.weight", "fc.bias"]:
    reference[f"grad.{name}"] = model.get_parameter(name).grad
torch.save(reference, f"{folder}/reference.pth")

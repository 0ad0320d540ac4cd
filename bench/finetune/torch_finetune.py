"""Fine-tunes torchvision's ResNet-18 on the benchmark's image folder with PyTorch: the peer of Sweep's trial runner
in bench/finetune.

The setup is Sweep's: the saved weights loaded, the head replaced for the folder's classes, only layer4 and fc
trainable, every BatchNorm outside them kept in eval mode (its statistics frozen), SGD with momentum 0.9, batch 32,
shuffled index_select per batch, forward, cross-entropy, loss.item(), backward, step. Each epoch is timed from the end
of its first batch to the end of its last, as on the Sweep side. Prints one JSON line per epoch.

With --write-weights PATH it only writes a seeded, randomly initialised ResNet-18 state dict to PATH."""
import argparse
import json
import os
import time

import numpy as np
import torch
import torchvision
from PIL import Image
from torch import nn


def read_split(folder):
    classes = sorted(os.listdir(folder))
    images, labels = [], []
    for label, name in enumerate(classes):
        for file in sorted(os.listdir(os.path.join(folder, name))):
            with Image.open(os.path.join(folder, name, file)) as image:
                images.append(np.asarray(image.convert("RGB"), dtype=np.uint8))
            labels.append(label)
    pixels = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).float().div_(255)
    return pixels, torch.tensor(labels, dtype=torch.int64), len(classes)


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-weights")
    parser.add_argument("--data")
    parser.add_argument("--weights")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    if args.write_weights:
        torch.manual_seed(0)
        torch.save(torchvision.models.resnet18().state_dict(), args.write_weights)
        return

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images, labels, classes = read_split(os.path.join(args.data, "train"))
    mean = images.mean(dim=(0, 2, 3), keepdim=True)
    std = images.std(dim=(0, 2, 3), keepdim=True)
    images = (images - mean) / std

    model = torchvision.models.resnet18()
    model.load_state_dict(torch.load(args.weights))
    model.fc = nn.Linear(model.fc.in_features, classes)
    trainable = ("layer4.", "fc.")
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name.startswith(trainable)
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.01, momentum=0.9)

    count = labels.shape[0]
    for epoch in range(1, args.epochs + 1):
        model.train()
        for name, module in model.named_modules():
            if isinstance(module, nn.BatchNorm2d) and not name.startswith(("layer4", "fc")):
                module.eval()
        order = torch.randperm(count)
        started = None
        timed_images = 0
        for start in range(0, count, args.batch_size):
            indices = order[start:start + args.batch_size]
            x = images.index_select(0, indices)
            y = labels.index_select(0, indices)
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.item()
            loss.backward()
            optimizer.step()
            if started is None:
                started = time.perf_counter()
            else:
                timed_images += y.shape[0]
        seconds = time.perf_counter() - started
        print(json.dumps({
            "epoch": epoch, "images": timed_images, "seconds": seconds, "images_per_second": timed_images / seconds,
            "resident_bytes": resident_bytes(), "threads": torch.get_num_threads(), "torch": torch.__version__}),
            flush=True)


if __name__ == "__main__":
    main()

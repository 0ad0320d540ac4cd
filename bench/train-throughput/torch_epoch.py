"""One epoch of the probe CNN (conv32 -> conv64 -> fc128, 3x3, max-pool, Adam 1e-3, batch 64) on the full
Fashion-MNIST training set with PyTorch: the peer of Sweep's trial runner in bench/train-throughput.

The loop does per batch what Sweep's TrialRunner does (shuffled index_select, forward, cross-entropy, loss.item(),
backward, step, argmax accuracy), and the clock runs from the end of the first batch to the end of the last, as
on the Sweep side, so data loading and warm-up are outside the measurement. Prints one JSON line."""
import argparse
import gzip
import json
import os
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as stream:
        data = stream.read()
    dimensions = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dimensions)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dimensions).reshape(shape)


def probe_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    pixels = torch.from_numpy(read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz")).copy())
    labels = torch.from_numpy(read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).astype(np.int64))
    images = pixels.float().div_(255).unsqueeze(1)
    images = (images - images.mean()) / images.std()

    model = probe_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    count = labels.shape[0]
    order = torch.randperm(count)
    model.train()
    started = None
    timed_images = 0
    correct = 0
    for start in range(0, count, args.batch_size):
        indices = order[start:start + args.batch_size]
        x = images.index_select(0, indices)
        y = labels.index_select(0, indices)
        optimizer.zero_grad()
        logits = model(x)
        loss = nn.functional.cross_entropy(logits, y)
        loss_value = loss.item()
        loss.backward()
        optimizer.step()
        correct += logits.argmax(1).eq(y).sum().item()
        if started is None:
            started = time.perf_counter()
        else:
            timed_images += y.shape[0]
    seconds = time.perf_counter() - started
    print(json.dumps({
        "images_per_second": timed_images / seconds, "images": timed_images, "seconds": seconds,
        "threads": torch.get_num_threads(), "torch": torch.__version__, "last_loss": loss_value,
        "train_accuracy": correct / count}))


if __name__ == "__main__":
    main()

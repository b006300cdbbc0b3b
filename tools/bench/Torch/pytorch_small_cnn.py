#!/usr/bin/python3
"""PyTorch's training throughput on the image trainer's network, for comparison (benchmark only, never product code).

usage: pytorch_small_cnn.py TRAIN.zip SECONDS [--batch 64] [--threads 2] [--flip]
Same network as AutoMLPlatform.Torch's ConvNet (conv3x3 32, BN, ReLU, maxpool; conv3x3 64, BN, ReLU, maxpool;
dropout 0.3; linear 128; ReLU; linear to the classes), Adam at 2e-3, the same batch size, a random shift per batch
and (with --flip) random mirroring per image. Trains for SECONDS and prints one JSON line with samples per second of
training steps (batch preparation included, evaluation excluded).
"""
import io
import json
import sys
import time
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image


def option(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def read_zip(path):
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if not n.endswith("/"))
        classes = sorted({n.split("/")[0] for n in names})
        pixels = [np.asarray(Image.open(io.BytesIO(archive.read(n))).convert("L"), dtype=np.float32) / 255.0 for n in names]
        labels = [classes.index(n.split("/")[0]) for n in names]
    images = torch.from_numpy(np.stack(pixels)).unsqueeze(1)
    return (images - images.mean()) / images.std(), torch.tensor(labels), len(classes)


def network(channels, height, width, classes):
    return nn.Sequential(
        nn.Conv2d(channels, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * (height // 4) * (width // 4), 128), nn.ReLU(), nn.Linear(128, classes))


def main():
    path, seconds = sys.argv[1], float(sys.argv[2])
    batch, threads, flip = option("--batch", 64), option("--threads", 2), "--flip" in sys.argv
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    images, labels, classes = read_zip(path)
    model = network(images.shape[1], images.shape[2], images.shape[3], classes)
    optimizer = torch.optim.Adam(model.parameters(), 2e-3)
    model.train()
    seen, started, steps_time = 0, time.time(), 0.0
    while time.time() - started < seconds:
        order = torch.randperm(len(images))
        for start in range(0, len(images), batch):
            if time.time() - started >= seconds:
                break
            step = time.time()
            rows = order[start:start + batch]
            x, y = images[rows], labels[rows]
            if flip:
                mirrored = torch.rand(len(x)) < 0.5
                x[mirrored] = x[mirrored].flip(3)
            dx, dy = np.random.randint(-2, 3, 2)
            x = torch.roll(x, shifts=(int(dy), int(dx)), dims=(2, 3))
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            seen += len(x)
            steps_time += time.time() - step
    print(json.dumps({"tool": "pytorch-" + torch.__version__, "batch": batch, "threads": torch.get_num_threads(),
                      "train_samples_per_s": round(seen / steps_time, 1), "samples": seen}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""PyTorch float32 equivalent of LeNetTrainBenchmark: one training step of LeNet-5 (the layers
of netcompare's model zoo) on a batch of 64 random 28x28 images: forward, cross-entropy,
backward, torch.optim.SGD(lr=0.01, momentum=0.9) step; one JSON line per thread count.
OPENBLAS_NUM_THREADS=1 as the project's comparison prescribes; torch.set_num_threads sets the
threads. Time: best of several runs after a warm-up, in seconds.
"""
import json
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402  (after the environment variable, which OpenBLAS reads on load)
from torch import nn  # noqa: E402

BATCH = 64
THREADS = (1, 2)


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def main():
    torch.manual_seed(0)
    for threads in THREADS:
        torch.set_num_threads(threads)
        model = lenet5()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        loss = nn.CrossEntropyLoss()
        x = torch.rand(BATCH, 1, 28, 28)
        y = torch.randint(0, 10, (BATCH,))

        def step():
            optimizer.zero_grad()
            loss(model(x), y).backward()
            optimizer.step()

        for _ in range(5):
            step()
        best = float("inf")
        for _ in range(50):
            start = time.perf_counter()
            step()
            best = min(best, time.perf_counter() - start)
        print(json.dumps({"params": {"n": str(BATCH), "threads": str(threads)},
                          "seconds": best}))


if __name__ == "__main__":
    main()

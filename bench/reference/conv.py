#!/usr/bin/env python3
"""PyTorch float32 equivalent of ConvBenchmark: LeNet-5's conv1 (1 -> 6, 5x5, padding 2, 28x28)
and conv2 (6 -> 16, 5x5, 14x14), F.conv2d forward then autograd backward with a given output
gradient (input, weight and bias gradients), one JSON line per case. torch.set_num_threads sets
the thread count. Time: best of several runs after a warm-up, in seconds.
"""
import json
import time

import torch
import torch.nn.functional as F

LAYERS = {"conv1": (1, 6, 28, 2), "conv2": (6, 16, 14, 0)}
BATCHES = (16, 128)
THREADS = (1, 2)


def main():
    torch.manual_seed(0)
    for threads in THREADS:
        torch.set_num_threads(threads)
        for layer, (cin, cout, side, padding) in LAYERS.items():
            for n in BATCHES:
                x = (2 * torch.rand(n, cin, side, side) - 1).requires_grad_()
                w = (2 * torch.rand(cout, cin, 5, 5) - 1).requires_grad_()
                b = torch.zeros(cout, requires_grad=True)
                out_side = side + 2 * padding - 4
                g = 2 * torch.rand(n, cout, out_side, out_side) - 1

                def step():
                    x.grad = w.grad = b.grad = None
                    y = F.conv2d(x, w, b, padding=padding)
                    y.backward(g)

                step()
                best = float("inf")
                for _ in range(20):
                    start = time.perf_counter()
                    step()
                    best = min(best, time.perf_counter() - start)
                print(json.dumps({"params": {"layer": layer, "n": str(n), "threads": str(threads)},
                                  "seconds": best}))


if __name__ == "__main__":
    main()

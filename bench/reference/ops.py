#!/usr/bin/env python3
"""NumPy float32 equivalents of OpsBenchmark on an n x cols matrix uniform in [-4, 4).

relu: np.maximum(x, 0, out=y); softmax along rows and logsumexp of each row, both shifted by the
row maximum as CpuBackend does; sum0: x.sum(axis=0). NumPy runs these loops on one thread, so
the same time is printed for every `threads` value of the JMH benchmark. Time: best of several
runs after a warm-up, in seconds.
"""
import json
import time

import numpy as np

N, COLS = 4096, 1024
THREADS = (1, 2)


def relu(x, y):
    np.maximum(x, np.float32(0), out=y)


def softmax(x, y):
    np.subtract(x, x.max(axis=1, keepdims=True), out=y)
    np.exp(y, out=y)
    y /= y.sum(axis=1, keepdims=True)


def logsumexp(x, y):
    m = x.max(axis=1, keepdims=True)
    return m[:, 0] + np.log(np.exp(x - m).sum(axis=1))


def sum0(x, y):
    return x.sum(axis=0)


def main():
    rng = np.random.default_rng(0)
    x = (8 * rng.random((N, COLS), dtype=np.float32) - 4).astype(np.float32)
    y = np.empty_like(x)
    for name, op in (("relu", relu), ("softmax", softmax), ("logsumexp", logsumexp),
                     ("sum0", sum0)):
        op(x, y)
        best = float("inf")
        for _ in range(10):
            start = time.perf_counter()
            op(x, y)
            best = min(best, time.perf_counter() - start)
        for threads in THREADS:
            print(json.dumps({"params": {"op": name, "n": str(N), "cols": str(COLS),
                                         "threads": str(threads)}, "seconds": best}),
                  flush=True)


if __name__ == "__main__":
    main()

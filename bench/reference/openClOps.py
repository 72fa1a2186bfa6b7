#!/usr/bin/env python3
"""NumPy float32 equivalents of OpenClOpsBenchmark: the operations of ops.py (imported from it)
on the same n x cols matrix uniform in [-4, 4). NumPy has no OpenCL path, so the same time is
printed for both backend values. Time: best of several runs after a warm-up, in seconds.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ops  # noqa: E402  (the sibling reference script)

BACKENDS = ("cpu", "opencl")


def main():
    rng = np.random.default_rng(0)
    x = (8 * rng.random((ops.N, ops.COLS), dtype=np.float32) - 4).astype(np.float32)
    y = np.empty_like(x)
    for name, op in (("relu", ops.relu), ("softmax", ops.softmax),
                     ("logsumexp", ops.logsumexp), ("sum0", ops.sum0)):
        op(x, y)
        best = float("inf")
        for _ in range(10):
            start = time.perf_counter()
            op(x, y)
            best = min(best, time.perf_counter() - start)
        for backend in BACKENDS:
            print(json.dumps({"params": {"op": name, "backend": backend, "n": str(ops.N),
                                         "cols": str(ops.COLS)}, "seconds": best}), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""NumPy float32 matmul on the shapes of OpenClGemmBenchmark, one JSON line per case.

NumPy has no OpenCL path: the same CPU time is printed for both backend values, so the table
compares each backend of netcompare with NumPy (OpenBLAS, all cores). Square A @ B, n x n x n.
Time: best of several runs after a warm-up, in seconds.
"""
import json
import time

import numpy as np

SIZES = (256, 1024)
BACKENDS = ("cpu", "opencl")


def best_time(multiply, flops):
    multiply()
    best = float("inf")
    for _ in range(max(5, int(2e10 / flops))):
        start = time.perf_counter()
        multiply()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    rng = np.random.default_rng(0)
    for n in SIZES:
        a = rng.random((n, n), dtype=np.float32)
        b = rng.random((n, n), dtype=np.float32)
        seconds = best_time(lambda: a @ b, 2 * n ** 3)
        for backend in BACKENDS:
            print(json.dumps({"params": {"n": str(n), "backend": backend}, "seconds": seconds}))


if __name__ == "__main__":
    main()

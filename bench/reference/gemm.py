#!/usr/bin/env python3
"""NumPy float32 matmul on the shapes of GemmBenchmark, one JSON line per case.

Square: A @ B, n x n x n. kNN screening: Q @ P.T, points x points x 128. Each thread count runs
in a fresh interpreter because OpenBLAS reads OPENBLAS_NUM_THREADS once, when NumPy is imported.
Time: best of several runs after a warm-up, in seconds.
"""
import json
import os
import subprocess
import sys

SIZES = (256, 512, 1024, 2048)
KNN_POINTS = (4096,)
FEATURES = 128
THREADS = (1, 2)


def best_time(multiply, flops):
    import time
    multiply()
    best = float("inf")
    for _ in range(max(5, int(2e10 / flops))):
        start = time.perf_counter()
        multiply()
        best = min(best, time.perf_counter() - start)
    return best


def run_cases(threads):
    import numpy as np
    rng = np.random.default_rng(0)
    for n in SIZES:
        a = rng.random((n, n), dtype=np.float32)
        b = rng.random((n, n), dtype=np.float32)
        seconds = best_time(lambda: a @ b, 2 * n ** 3)
        print(json.dumps({"params": {"n": str(n), "threads": threads}, "seconds": seconds}))
    for points in KNN_POINTS:
        q = rng.random((points, FEATURES), dtype=np.float32)
        p = rng.random((points, FEATURES), dtype=np.float32)
        seconds = best_time(lambda: q @ p.T, 2 * points * points * FEATURES)
        print(json.dumps({"params": {"points": str(points), "threads": threads},
                          "seconds": seconds}))


def main():
    if len(sys.argv) == 2:
        run_cases(sys.argv[1])
        return
    for threads in THREADS:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, __file__, str(threads)], env=env, check=True)


if __name__ == "__main__":
    main()

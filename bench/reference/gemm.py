#!/usr/bin/env python3
"""NumPy float32 matmul on the shapes of GemmBenchmark, one JSON line per (n, threads).

Each thread count runs in a fresh interpreter because OpenBLAS reads OPENBLAS_NUM_THREADS once,
when NumPy is imported. Time: best of several runs after a warm-up, in seconds.
"""
import json
import os
import subprocess
import sys

SIZES = (256, 1024, 2048)
THREADS = (1, 2)


def measure(n, repeats):
    import time
    import numpy as np
    rng = np.random.default_rng(0)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    a @ b
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return best


def main():
    if len(sys.argv) == 3:
        threads = sys.argv[1]
        for n in SIZES:
            seconds = measure(n, repeats=max(5, int(2e10 / n ** 3)))
            print(json.dumps({"params": {"n": str(n), "threads": threads}, "seconds": seconds}))
        return
    for threads in THREADS:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, __file__, str(threads), "child"], env=env, check=True)


if __name__ == "__main__":
    main()

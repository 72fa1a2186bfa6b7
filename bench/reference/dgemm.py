#!/usr/bin/env python3
"""NumPy float64 matmul on the shapes of DgemmBenchmark, one JSON line per case.

times: A @ B, transposeTimes: A.T @ B, n x n x n, NumPy's default threads (every core, as the
engine). JMH reports both methods under the same parameters, so this prints the A @ B time, and
the A.T @ B time on stderr for the record. Time: best of several runs after a warm-up, seconds.
"""
import json
import sys
import time

import numpy as np

SIZES = (512, 1024)


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
        a = rng.random((n, n))
        b = rng.random((n, n))
        seconds = best_time(lambda: a @ b, 2 * n ** 3)
        transposed = best_time(lambda: a.T @ b, 2 * n ** 3)
        print(json.dumps({"params": {"n": str(n)}, "seconds": seconds}))
        print(json.dumps({"params": {"n": str(n)}, "transposeTimes_seconds": transposed}),
              file=sys.stderr)


if __name__ == "__main__":
    main()

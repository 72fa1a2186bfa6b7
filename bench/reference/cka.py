#!/usr/bin/env python3
"""Linear CKA, biased and debiased, in plain NumPy, as CkaBenchmark: one JSON line per case.

Same formula as Cka.linear: columns centred (means in float64), the feature-space products
Y^T X, X^T X, Y^T Y as float32 matmuls (OpenBLAS; NumPy runs X.T @ X as a symmetric rank-k
update), squares summed in float64, and the debiased terms from the row norms. Time: median
of three runs after a warm-up, in seconds.
"""
import json
import time

import numpy as np


def linear_cka(x, y):
    n = x.shape[0]
    xc = x - x.mean(axis=0, dtype=np.float64).astype(np.float32)
    yc = y - y.mean(axis=0, dtype=np.float64).astype(np.float32)
    cross = np.square(yc.T @ xc, dtype=np.float64).sum()
    self_x = np.square(xc.T @ xc, dtype=np.float64).sum()
    self_y = np.square(yc.T @ yc, dtype=np.float64).sum()
    rows_x = np.square(xc, dtype=np.float64).sum(axis=1)
    rows_y = np.square(yc, dtype=np.float64).sum(axis=1)

    def unbiased(product, a, b):
        return (product - n / (n - 2) * a.dot(b)
                + a.sum() * b.sum() / ((n - 1) * (n - 2)))

    biased = cross / np.sqrt(self_x * self_y)
    debiased = unbiased(cross, rows_x, rows_y) / np.sqrt(
        unbiased(self_x, rows_x, rows_x) * unbiased(self_y, rows_y, rows_y))
    return biased, debiased


for n, d in ((10000, 4096),):
    rng = np.random.default_rng(1)
    x = rng.random((n, d), dtype=np.float32)
    y = rng.random((n, d), dtype=np.float32)
    linear_cka(x, y)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        linear_cka(x, y)
        times.append(time.perf_counter() - start)
    print(json.dumps({"params": {"n": str(n), "d": str(d)}, "seconds": float(np.median(times))}),
          flush=True)

"""numpy.linalg.svd(a, full_matrices=False) with U and V of a random n x n matrix; see SvdBenchmark."""
import json
import time

import numpy as np

for n in (500, 1000):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n))
    np.linalg.svd(a, full_matrices=False)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        np.linalg.svd(a, full_matrices=False)
        times.append(time.perf_counter() - start)
    print(json.dumps({"params": {"n": str(n)}, "seconds": float(np.median(times))}))

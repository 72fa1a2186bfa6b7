"""numpy.linalg.eigh (values and vectors) of a random symmetric n x n matrix; see EigenBenchmark."""
import json
import time

import numpy as np

for n in (500, 1000):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n))
    a = np.triu(a) + np.triu(a, 1).T
    np.linalg.eigh(a)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        np.linalg.eigh(a)
        times.append(time.perf_counter() - start)
    print(json.dumps({"params": {"n": str(n)}, "seconds": float(np.median(times))}))

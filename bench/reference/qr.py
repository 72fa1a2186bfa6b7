"""NumPy reference for QrBenchmark: numpy.linalg.qr(a, mode="reduced") (LAPACK dgeqrf + dorgqr)."""
import json
import time

import numpy as np

for shape in ["1000x1000", "10000x512"]:
    m, n = (int(s) for s in shape.split("x"))
    a = np.random.default_rng(1).standard_normal((m, n))
    np.linalg.qr(a, mode="reduced")
    runs = 5
    start = time.perf_counter()
    for _ in range(runs):
        np.linalg.qr(a, mode="reduced")
    print(json.dumps({"params": {"shape": shape}, "seconds": (time.perf_counter() - start) / runs}))

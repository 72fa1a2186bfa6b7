"""np.load of a float32 [rows, features] .npy file already in the page cache; see NpyBenchmark."""
import json
import os
import tempfile
import time

import numpy as np

for rows, features in ((10000, 4704),):
    rng = np.random.default_rng(1)
    data = rng.random((rows, features), dtype=np.float32)
    fd, path = tempfile.mkstemp(suffix=".npy")
    os.close(fd)
    try:
        np.save(path, data)
        np.load(path)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            np.load(path)
            times.append(time.perf_counter() - start)
    finally:
        os.remove(path)
    print(json.dumps({"params": {"rows": str(rows), "features": str(features)},
                      "seconds": float(np.median(times))}))

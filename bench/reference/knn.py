"""Exact kNN self-graph with scikit-learn's brute-force NearestNeighbors, as KnnBenchmark."""
import json
import time

import numpy as np
from sklearn.neighbors import NearestNeighbors

for n, d in [(n, d) for n in (2000, 10000) for d in (784, 4704)]:
    k = 15
    points = np.random.default_rng(1).random((n, d), dtype=np.float32)
    times = []
    for run in range(4):
        start = time.perf_counter()
        # kneighbors() without queries excludes each point itself, as KnnSearch.selfGraph.
        NearestNeighbors(n_neighbors=k, algorithm="brute").fit(points).kneighbors()
        if run > 0:  # the first run warms up
            times.append(time.perf_counter() - start)
    print(json.dumps({"params": {"n": str(n), "d": str(d), "k": str(k)},
                      "seconds": float(np.median(times))}), flush=True)

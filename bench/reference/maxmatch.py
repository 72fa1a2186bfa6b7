"""NumPy reference for MaxMatchBenchmark: the maximum epsilon-match of Wang et al. (NeurIPS 2018),
written plainly. Each pruning step takes an orthonormal basis of the kept neurons of one layer
(numpy.linalg.qr, LAPACK dgeqrf + dorgqr in float64) and keeps the other layer's neurons whose
residual x - Q Q^T x has norm at most eps |x|; the two layers alternate until nothing changes.

Layers: 10,000 samples, 512 neurons each, sharing a 64-dimensional latent; each neuron mixes the
shared latent with a private one at a neuron-specific share (see MaxMatchBenchmark), so some
neurons sit near the threshold and pruning takes several rounds.
"""
import json
import time

import numpy as np


LATENT = 64
SHARE = 0.45


def layers(samples, neurons, seed):
    rng = np.random.default_rng(seed)
    shared = rng.standard_normal((samples, LATENT))
    def layer():
        private = rng.standard_normal((samples, neurons))
        mix = rng.standard_normal((LATENT, neurons))
        mix /= np.linalg.norm(mix, axis=0)
        share = np.linspace(0.0, SHARE, neurons)
        return shared @ mix * (1 - share) + private * share
    return layer(), layer()


def keep_close(basis_of, others, eps):
    """Indices of the columns of `others` within eps (relative) of the span of `basis_of`."""
    if basis_of.shape[1] == 0:
        return np.zeros(others.shape[1], dtype=bool)
    q, _ = np.linalg.qr(basis_of, mode="reduced")
    residual = others - q @ (q.T @ others)
    return np.linalg.norm(residual, axis=0) <= eps * np.linalg.norm(others, axis=0)


def maximum_match(x, y, eps):
    """Alternate pruning; stops at the first half-step (after the first) that removes nothing."""
    kx = np.linalg.norm(x, axis=0) > 0
    ky = np.linalg.norm(y, axis=0) > 0
    steps = 0
    while True:
        steps += 1
        new_kx = kx.copy()
        new_kx[kx] = keep_close(y[:, ky], x[:, kx], eps)
        removed_x = (new_kx != kx).any()
        kx = new_kx
        if not removed_x and steps > 1:
            return kx, ky, steps
        new_ky = ky.copy()
        new_ky[ky] = keep_close(x[:, kx], y[:, ky], eps)
        removed_y = (new_ky != ky).any()
        ky = new_ky
        if not removed_y:
            return kx, ky, steps


if __name__ == "__main__":
    samples, neurons, eps = 10000, 512, 0.3
    x, y = layers(samples, neurons, 1)
    kx, ky, rounds = maximum_match(x, y, eps)
    runs = 3
    start = time.perf_counter()
    for _ in range(runs):
        maximum_match(x, y, eps)
    seconds = (time.perf_counter() - start) / runs
    print(json.dumps({"params": {"neurons": str(neurons), "samples": str(samples), "eps": str(eps)},
                      "seconds": seconds, "x_size": int(kx.sum()), "y_size": int(ky.sum()),
                      "rounds": rounds}))

/**
 * Datasets: labelled images as float32 {@code [n, c, h, w]} tensors with seeded mini-batches.
 * Readers for Fashion-MNIST and MNIST (IDX, gzipped or plain), CIFAR-10 (binary batches) and
 * NumPy {@code .npy} images with labels.
 *
 * <h2>Bundled data</h2>
 * The resources {@code org/netcompare/nets/data/fashion-mnist/} hold the first 2,000 training
 * and the first 2,000 test images of Fashion-MNIST with their labels, as gzipped IDX files under
 * the names of the full set, so the demo and the tests run on a machine with nothing installed.
 * They were cut from Debian's package {@code dataset-fashion-mnist}
 * ({@code /usr/share/datasets/fashion-mnist}) by {@code nets/tools/bundle_fashion_mnist.py}.
 *
 * <p>Fashion-MNIST: Copyright (c) 2017 Zalando SE, released under the MIT licence,
 * https://github.com/zalandoresearch/fashion-mnist (Han Xiao, Kashif Rasul and Roland Vollgraf,
 * "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms",
 * arXiv:1708.07747, 2017).
 */
package org.netcompare.nets.data;

/**
 * Training: optimisers that follow {@code torch.optim} step for step ({@link
 * org.netcompare.nets.train.Sgd}, {@link org.netcompare.nets.train.Adam}), a step learning-rate
 * schedule, the mini-batch loop with softmax cross-entropy ({@link
 * org.netcompare.nets.train.Trainer}) and checkpoints that resume bit for bit ({@link
 * org.netcompare.nets.train.Checkpoint}).
 *
 * <p>The training step: {@code loss = ce.forward(model.forward(images, true), labels);
 * model.zeroGrad(); model.backward(ce.backward()); optimizer.step(model.parameters())}. Every
 * random choice of epoch e derives from (seed, e), so a checkpoint needs no generator state.
 *
 * <p>Default recipe of {@code netcompare train} (LeNet-5 on Fashion-MNIST, inputs in [0, 1]):
 * SGD, learning rate 0.05, momentum 0.9, batch 64, rate times 0.1 after epoch 5; 10 epochs reach
 * 89.96% (seed 0) and 89.37% (seed 1) test accuracy.
 */
package org.netcompare.nets.train;

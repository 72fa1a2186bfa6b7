package org.netcompare.nets.loss;

import java.util.Arrays;
import org.netcompare.engine.tensor.Tensor;

/**
 * Softmax followed by cross-entropy, averaged over the batch, PyTorch's
 * {@code nn.CrossEntropyLoss()} on logits.
 *
 * <pre>
 * logits z [N, K], labels t [N] in [0, K)
 * loss  L = (1/N) sum_n (logsumexp(z_n) - z_n[t_n]), log-sum-exp shifted by max(z_n) so that
 *       no exponential overflows
 * grad  dL/dz_n = (softmax(z_n) - onehot(t_n)) / N
 * </pre>
 */
public final class SoftmaxCrossEntropy {

    private float[] probabilities;
    private int[] labels;
    private int batch;
    private int classes;

    /**
     * The mean loss over the batch, computed in double; remembers the softmax for
     * {@link #backward()}.
     *
     * @throws IllegalArgumentException for logits not [N, K], a label count not N, or a label
     *                                  outside [0, K)
     */
    public double forward(Tensor logits, int[] targets) {
        if (logits.rank() != 2 || targets.length != logits.dim(0)) {
            throw new IllegalArgumentException(
                    "cross-entropy needs logits [N, K] and N labels, got "
                    + Arrays.toString(logits.shape()) + " and " + targets.length + " labels");
        }
        Tensor z = logits.contiguous();
        int n = z.dim(0);
        int k = z.dim(1);
        float[] zs = z.data();
        float[] p = new float[n * k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int label = targets[i];
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("label " + label + " of sample " + i
                        + " is outside [0, " + k + ")");
            }
            int row = z.offset() + i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, zs[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(zs[row + j] - max);
            }
            double logSum = max + Math.log(sum);
            for (int j = 0; j < k; j++) {
                p[i * k + j] = (float) Math.exp(zs[row + j] - logSum);
            }
            total += logSum - zs[row + label];
        }
        probabilities = p;
        labels = targets.clone();
        batch = n;
        classes = k;
        return n == 0 ? 0 : total / n;
    }

    /** The gradient of the latest mean loss with respect to the logits, [N, K]. */
    public Tensor backward() {
        if (probabilities == null) {
            throw new IllegalStateException("cross-entropy backward before forward");
        }
        float[] grad = new float[probabilities.length];
        float scale = 1f / batch;
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < classes; j++) {
                int at = i * classes + j;
                grad[at] = (probabilities[at] - (j == labels[i] ? 1f : 0f)) * scale;
            }
        }
        return Tensor.wrap(grad, batch, classes);
    }

    /** The softmax of the latest logits, [N, K] (a copy). */
    public Tensor probabilities() {
        if (probabilities == null) {
            throw new IllegalStateException("no forward pass yet");
        }
        return Tensor.wrap(probabilities.clone(), batch, classes);
    }
}

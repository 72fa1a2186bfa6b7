package org.netcompare.nets.layers;

import java.util.Arrays;
import java.util.List;
import org.netcompare.engine.tensor.Tensor;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015, Algorithm 1 and section 3.1), PyTorch's
 * {@code nn.BatchNorm1d} ([N, C] or [N, C, L]) and {@code nn.BatchNorm2d} ([N, C, H, W]).
 * Statistics are per channel (axis 1) over the batch and every spatial position, M values each.
 *
 * <pre>
 * training:   mu, var = mean and biased variance of the batch
 *             y = gamma (x - mu) / sqrt(var + eps) + beta
 *             running_mean = (1 - momentum) running_mean + momentum mu
 *             running_var  = (1 - momentum) running_var  + momentum var M / (M - 1)
 *             num_batches_tracked += 1
 * evaluation: y = gamma (x - running_mean) / sqrt(running_var + eps) + beta
 * state_dict: weight (gamma) [C], bias (beta) [C], running_mean [C], running_var [C],
 *             num_batches_tracked []
 * backward (training), xh = normalised x, s = 1 / sqrt(var + eps):
 *             dx = gamma s / M (M dy - sum dy - xh sum(dy xh)),
 *             dgamma += sum(dy xh), dbeta += sum dy
 * backward (evaluation): dx = gamma s dy with s from the running variance
 * </pre>
 */
public final class BatchNorm implements Layer {

    /** PyTorch's defaults. */
    public static final double DEFAULT_EPS = 1e-5;
    public static final double DEFAULT_MOMENTUM = 0.1;

    private final String name;
    private final int features;
    private final boolean images;
    private final double eps;
    private final double momentum;
    private final Parameter weight;
    private final Parameter bias;
    private final Buffer runningMean;
    private final Buffer runningVar;
    private final Buffer batchesTracked;
    private int[] shape;
    private float[] normalised;
    private double[] inverseStd;
    private boolean trainedPass;

    private BatchNorm(String name, int features, boolean images, double eps, double momentum) {
        this.name = name;
        this.features = Inputs.positive(name, "features", features);
        this.images = images;
        if (!(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(name + ": needs eps > 0 and momentum in [0, 1], got "
                    + eps + " and " + momentum);
        }
        this.eps = eps;
        this.momentum = momentum;
        this.weight = new Parameter("weight", filled(features, 1f));
        this.bias = new Parameter("bias", Tensor.zeros(features));
        this.runningMean = new Buffer("running_mean", Tensor.zeros(features), false);
        this.runningVar = new Buffer("running_var", filled(features, 1f), false);
        this.batchesTracked = new Buffer("num_batches_tracked", Tensor.zeros(), true);
    }

    /** Over [N, C] or [N, C, L], as {@code nn.BatchNorm1d}. */
    public static BatchNorm oneD(String name, int features, double eps, double momentum) {
        return new BatchNorm(name, features, false, eps, momentum);
    }

    /** Over [N, C, H, W], as {@code nn.BatchNorm2d}. */
    public static BatchNorm twoD(String name, int features, double eps, double momentum) {
        return new BatchNorm(name, features, true, eps, momentum);
    }

    private static Tensor filled(int size, float value) {
        float[] values = new float[size];
        Arrays.fill(values, value);
        return Tensor.wrap(values, size);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
        Tensor x = Inputs.checkedBatch(this, in);
        int n = x.dim(0);
        int spatial = x.size() / Math.max(1, n * features);
        long count = (long) n * spatial;
        if (training && count < 2) {
            throw new IllegalArgumentException(name
                    + ": training needs more than one value per channel, got " + count);
        }
        float[] xs = x.data();
        float[] gamma = weight.value().data();
        float[] beta = bias.value().data();
        float[] rm = runningMean.value().data();
        float[] rv = runningVar.value().data();
        float[] xh = new float[x.size()];
        float[] y = new float[x.size()];
        double[] invStd = new double[features];
        for (int c = 0; c < features; c++) {
            double mean;
            double variance;
            if (training) {
                double sum = 0;
                for (int s = 0; s < n; s++) {
                    int at = x.offset() + (s * features + c) * spatial;
                    for (int p = 0; p < spatial; p++) {
                        sum += xs[at + p];
                    }
                }
                mean = sum / count;
                double squares = 0;
                for (int s = 0; s < n; s++) {
                    int at = x.offset() + (s * features + c) * spatial;
                    for (int p = 0; p < spatial; p++) {
                        double d = xs[at + p] - mean;
                        squares += d * d;
                    }
                }
                variance = squares / count;
                rm[c] = (float) ((1 - momentum) * rm[c] + momentum * mean);
                rv[c] = (float) ((1 - momentum) * rv[c] + momentum * squares / (count - 1));
            } else {
                mean = rm[c];
                variance = rv[c];
            }
            invStd[c] = 1 / Math.sqrt(variance + eps);
            for (int s = 0; s < n; s++) {
                int at = (s * features + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    float normal = (float) ((xs[x.offset() + at + p] - mean) * invStd[c]);
                    xh[at + p] = normal;
                    y[at + p] = gamma[c] * normal + beta[c];
                }
            }
        }
        if (training) {
            batchesTracked.value().data()[batchesTracked.value().offset()] += 1f;
        }
        shape = x.shape();
        normalised = xh;
        inverseStd = invStd;
        trainedPass = training;
        return Tensor.wrap(y, shape);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor g = Inputs.checkedGradient(this, shape != null, gradOutput, shape);
        int n = shape[0];
        int spatial = normalised.length / Math.max(1, n * features);
        long count = (long) n * spatial;
        float[] dy = g.data();
        float[] gamma = weight.value().data();
        float[] dgamma = weight.grad().data();
        float[] dbeta = bias.grad().data();
        float[] dx = new float[normalised.length];
        for (int c = 0; c < features; c++) {
            double sumDy = 0;
            double sumDyXh = 0;
            for (int s = 0; s < n; s++) {
                int at = (s * features + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    sumDy += dy[g.offset() + at + p];
                    sumDyXh += (double) dy[g.offset() + at + p] * normalised[at + p];
                }
            }
            dgamma[c] += (float) sumDyXh;
            dbeta[c] += (float) sumDy;
            double scale = gamma[c] * inverseStd[c];
            for (int s = 0; s < n; s++) {
                int at = (s * features + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    double d = dy[g.offset() + at + p];
                    dx[at + p] = (float) (trainedPass
                            ? scale * (d - sumDy / count - normalised[at + p] * sumDyXh / count)
                            : scale * d);
                }
            }
        }
        return Tensor.wrap(dx, shape);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public List<Buffer> buffers() {
        return List.of(runningMean, runningVar, batchesTracked);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        boolean fits = images ? inputShape.length == 3
                : inputShape.length == 1 || inputShape.length == 2;
        if (!fits) {
            throw new IllegalArgumentException(name + ": expects "
                    + (images ? "[C, H, W]" : "[C] or [C, L]")
                    + " per sample, got " + Arrays.toString(inputShape));
        }
        if (inputShape[0] != features) {
            throw new IllegalArgumentException(name + ": expects " + features + " channels, got "
                    + inputShape[0]);
        }
        return inputShape.clone();
    }
}

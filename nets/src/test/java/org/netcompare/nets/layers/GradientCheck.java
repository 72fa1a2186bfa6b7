package org.netcompare.nets.layers;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.netcompare.engine.tensor.Tensor;

/**
 * Central finite differences against analytic gradients.
 *
 * <p>Tolerance: the layers compute in float32 (relative rounding 6e-8 per operation) and the
 * loss is summed in double. For the small layers here (at most a few hundred outputs of order 1)
 * the rounding error of one loss evaluation stays below about 2e-5, which the central
 * difference divides by 2h = 2e-2: at most ~1e-3. The truncation error h^2 f'''/6 is about
 * 2e-5 for the smooth layers (and zero for the piecewise-linear ones, whose inputs are kept more
 * than h from their kinks). Hence |fd - analytic| <= 2e-3 + 1e-2 |analytic|. A wrong
 * gradient (a missing term, a transposed index, a factor 1/N) is off by a multiple of the
 * gradient itself and fails this by far.
 */
public final class GradientCheck {

    public static final double STEP = 1e-2;
    public static final double ABSOLUTE = 2e-3;
    public static final double RELATIVE = 1e-2;

    private GradientCheck() {
    }

    /**
     * Checks a layer's input and parameter gradients for the loss L = sum(r * forward(x)) with a
     * fixed random r, which makes dL/dy = r.
     *
     * @param beforeForward run before every forward pass (to replay a dropout mask)
     */
    public static void checkLayer(Layer layer, Tensor input, boolean training,
            Runnable beforeForward, long seed) {
        float[] x = input.toArray();
        Tensor xt = Tensor.wrap(x, input.shape());
        beforeForward.run();
        Tensor y = layer.forward(xt, training);
        float[] r = uniform(y.size(), new SplittableRandom(seed), -1, 1);
        layer.parameters().forEach(Parameter::zeroGrad);
        Tensor dx = layer.backward(Tensor.wrap(r, y.shape()));
        DoubleSupplier loss = () -> {
            beforeForward.run();
            float[] out = layer.forward(xt, training).toArray();
            double sum = 0;
            for (int i = 0; i < out.length; i++) {
                sum += (double) r[i] * out[i];
            }
            return sum;
        };
        List<String> failures = new ArrayList<>();
        compare(layer.name() + " input", x, dx.toArray(), loss, failures);
        for (Parameter p : layer.parameters()) {
            compare(layer.name() + "." + p.name(), p.value().data(), p.grad().toArray(), loss,
                    failures);
        }
        report(failures);
    }

    /**
     * Compares {@code analytic} with central differences of {@code loss} in every element of
     * {@code values} (which the loss reads), adding a line per mismatch to {@code failures}.
     */
    public static void compare(String what, float[] values, float[] analytic, DoubleSupplier loss,
            List<String> failures) {
        compare(what, values, analytic, loss, allIndices(values.length), STEP, failures);
    }

    /** As above, for the listed elements only, with the given step. */
    public static void compare(String what, float[] values, float[] analytic, DoubleSupplier loss,
            int[] indices, double step, List<String> failures) {
        for (int i : indices) {
            float original = values[i];
            float up = (float) (original + step);
            float down = (float) (original - step);
            values[i] = up;
            double lossUp = loss.getAsDouble();
            values[i] = down;
            double lossDown = loss.getAsDouble();
            values[i] = original;
            double numeric = (lossUp - lossDown) / ((double) up - down);
            if (Math.abs(numeric - analytic[i]) > ABSOLUTE + RELATIVE * Math.abs(analytic[i])) {
                failures.add(what + "[" + i + "]: analytic " + analytic[i] + ", numeric "
                        + numeric);
            }
        }
    }

    public static void report(List<String> failures) {
        if (!failures.isEmpty()) {
            fail(failures.size() + " gradient mismatches, first: "
                    + String.join("; ", failures.subList(0, Math.min(5, failures.size()))));
        }
    }

    public static float[] uniform(int size, SplittableRandom random, double low, double high) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return values;
    }

    /** Uniform values with |v| >= 0.1, so that a step of 1e-2 never crosses a ReLU kink. */
    public static float[] awayFromZero(int size, SplittableRandom random) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            double magnitude = random.nextDouble(0.1, 1.0);
            values[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        return values;
    }

    private static int[] allIndices(int size) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        return indices;
    }
}

package org.netcompare.nets.gradnet;

import java.util.ArrayList;
import java.util.List;
import org.netcompare.engine.tensor.Tensor;

/**
 * Concatenation of feature batches [N, F_i] along the feature axis into [N, sum F_i]; the
 * backward pass splits the output gradient back into the parts.
 */
final class Concatenation {

    private int[] widths;

    /** @throws IllegalArgumentException for no parts, a part not [N, F], or differing N */
    Tensor forward(List<Tensor> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int n = parts.get(0).dim(0);
        int[] w = new int[parts.size()];
        int total = 0;
        for (int p = 0; p < w.length; p++) {
            Tensor part = parts.get(p);
            if (part.rank() != 2 || part.dim(0) != n) {
                throw new IllegalArgumentException("concatenation needs parts [" + n
                        + ", F], part " + p + " has another shape");
            }
            w[p] = part.dim(1);
            total += w[p];
        }
        float[] out = new float[n * total];
        int column = 0;
        for (int p = 0; p < w.length; p++) {
            float[] src = parts.get(p).toArray();
            for (int i = 0; i < n; i++) {
                System.arraycopy(src, i * w[p], out, i * total + column, w[p]);
            }
            column += w[p];
        }
        widths = w;
        return Tensor.wrap(out, n, total);
    }

    /** The gradient of each part, given the gradient [N, sum F_i] of the latest output. */
    List<Tensor> backward(Tensor gradOutput) {
        if (widths == null) {
            throw new IllegalStateException("concatenation backward before forward");
        }
        float[] g = gradOutput.toArray();
        int n = gradOutput.dim(0);
        int total = gradOutput.dim(1);
        List<Tensor> grads = new ArrayList<>();
        int column = 0;
        for (int width : widths) {
            float[] part = new float[n * width];
            for (int i = 0; i < n; i++) {
                System.arraycopy(g, i * total + column, part, i * width, width);
            }
            grads.add(Tensor.wrap(part, n, width));
            column += width;
        }
        return grads;
    }
}

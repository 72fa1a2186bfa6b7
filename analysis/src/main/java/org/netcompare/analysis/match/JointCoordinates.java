package org.netcompare.analysis.match;

import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Qr;

/**
 * Both layers' neuron vectors in one orthonormal coordinate system of the observation space:
 * with the Householder QR {@code [X Y] = Q R} (Golub and Van Loan, 4th ed., section 5.2), the
 * columns of R are the neurons' coordinates in the basis Q. Q is an isometry, so norms, spans
 * and distances to spans are the same in these coordinates as in the observations, while each
 * pruning step then works on at most {@code neuronsX + neuronsY} rows instead of one per
 * observation; the long vectors are read once.
 *
 * <p>X comes first, so its coordinates vanish below row {@code neuronsX}: they are kept as
 * {@code min(neuronsX, d) x neuronsX}, Y's as {@code d x neuronsY}, where
 * {@code d = min(observations, neuronsX + neuronsY)}.
 */
final class JointCoordinates {

    /** One layer's coordinates: {@code coords} has one column per neuron, {@code norms} theirs. */
    record Layer(Matrix coords, double[] norms) {
    }

    private final Layer x;
    private final Layer y;
    private final int observations;

    JointCoordinates(NeuronMatrix layerX, NeuronMatrix layerY) {
        int m = layerX.observations();
        if (layerY.observations() != m) {
            throw new IllegalArgumentException("layer X has " + m + " observations, layer Y "
                    + layerY.observations() + "; both must see the same inputs");
        }
        int nx = layerX.neurons();
        int ny = layerY.neurons();
        int n = nx + ny;
        Matrix joint = Matrix.zeros(m, n);
        double[] d = joint.data();
        double[] dx = layerX.vectors().data();
        double[] dy = layerY.vectors().data();
        for (int i = 0; i < m; i++) {
            System.arraycopy(dx, i * nx, d, i * n, nx);
            System.arraycopy(dy, i * ny, d, i * n + nx, ny);
        }
        Matrix r = new Qr(false).decompose(joint).getR();
        int rows = r.rows();
        this.x = new Layer(columns(r, 0, nx, Math.min(nx, rows)), layerX.norms());
        this.y = new Layer(columns(r, nx, ny, rows), layerY.norms());
        this.observations = m;
    }

    private static Matrix columns(Matrix r, int first, int count, int rows) {
        Matrix out = Matrix.zeros(rows, count);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(r.data(), i * r.cols() + first, out.data(), i * count, count);
        }
        return out;
    }

    Layer x() {
        return x;
    }

    Layer y() {
        return y;
    }

    int observations() {
        return observations;
    }
}

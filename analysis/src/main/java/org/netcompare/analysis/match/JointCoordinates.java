package org.netcompare.analysis.match;

import java.util.BitSet;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Qr;

/**
 * Both layers' neuron vectors in one orthonormal coordinate system of the observation space,
 * from Householder QRs (Golub and Van Loan, 4th ed., section 5.2): {@code Y = Q_Y R_Y}, then
 * {@code Q_Y^T X}, whose rows below Y's rank hold each X neuron's part outside span(Y); a second
 * QR of that part for the X neurons that can still match completes the basis. Q is an isometry,
 * so norms, spans and distances to spans are the same in these coordinates as in the
 * observations, while every pruning step then works on at most {@code neuronsX + neuronsY} rows
 * instead of one per observation; the long vectors are read once.
 *
 * <p>A first screening comes free: an X neuron farther than {@code screeningEps} from span(Q_Y)
 * is in no match at that eps or below (span(Q_Y) contains span(Y), and the spans only shrink),
 * so it gets no coordinates and the second QR is only as wide as the X neurons that remain
 * candidates. (Where Y is rank-deficient, span(Q_Y) is larger than span(Y): the screening then
 * keeps more than it must, and the pruning proper still checks every candidate.)
 *
 * <p>Y's coordinates are {@code min(observations, neuronsY) x neuronsY}, X's up to
 * {@code min(observations, neuronsY + candidates) x neuronsX}, zero for non-candidates.
 */
final class JointCoordinates {

    /** One layer's coordinates: {@code coords} has one column per neuron, {@code norms} theirs. */
    record Layer(Matrix coords, double[] norms) {
    }

    private final Layer x;
    private final Layer y;
    private final int observations;
    private final double screeningEps;
    private final BitSet candidatesX;

    /**
     * @param layerX layer X, [observations, neuronsX]
     * @param layerY layer Y over the same observations
     * @param screeningEps the largest eps the coordinates will serve, in (0, 1)
     */
    JointCoordinates(NeuronMatrix layerX, NeuronMatrix layerY, double screeningEps) {
        int m = layerX.observations();
        int nx = layerX.neurons();
        Qr qrY = new Qr(false).decompose(layerY.vectors());
        Matrix ry = qrY.getR();
        int top = ry.rows();
        Matrix rotated = layerX.vectors().copy();
        qrY.applyQTranspose(rotated);
        double[] t = rotated.data();

        double[] outside = new double[nx];
        for (int i = top; i < m; i++) {
            for (int j = 0; j < nx; j++) {
                outside[j] += t[i * nx + j] * t[i * nx + j];
            }
        }
        candidatesX = new BitSet(nx);
        double[] normsX = layerX.norms();
        double eps2 = screeningEps * screeningEps;
        for (int j = 0; j < nx; j++) {
            if (normsX[j] > 0 && outside[j] <= eps2 * normsX[j] * normsX[j]) {
                candidatesX.set(j);
            }
        }
        int[] candidates = candidatesX.stream().toArray();
        Matrix lowerR = lowerFactor(t, nx, top, m, candidates);

        Matrix coordsX = Matrix.zeros(top + lowerR.rows(), nx);
        System.arraycopy(t, 0, coordsX.data(), 0, top * nx);
        for (int i = 0; i < lowerR.rows(); i++) {
            for (int c = 0; c < candidates.length; c++) {
                coordsX.set(top + i, candidates[c], lowerR.get(i, c));
            }
        }
        this.x = new Layer(coordsX, normsX);
        this.y = new Layer(ry, layerY.norms());
        this.observations = m;
        this.screeningEps = screeningEps;
    }

    /** R of the candidates' part outside span(Y): rows [top, m) of {@code Q_Y^T X}. */
    private static Matrix lowerFactor(double[] t, int nx, int top, int m, int[] candidates) {
        if (top == m || candidates.length == 0) {
            return Matrix.zeros(0, candidates.length);
        }
        Matrix lower = Matrix.zeros(m - top, candidates.length);
        double[] d = lower.data();
        for (int i = top; i < m; i++) {
            for (int c = 0; c < candidates.length; c++) {
                d[(i - top) * candidates.length + c] = t[i * nx + candidates[c]];
            }
        }
        return new Qr(false).decompose(lower).getR();
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

    /** The largest eps these coordinates serve. */
    double screeningEps() {
        return screeningEps;
    }

    /** X neurons not screened out: the only ones with coordinates. */
    BitSet candidatesX() {
        return (BitSet) candidatesX.clone();
    }
}

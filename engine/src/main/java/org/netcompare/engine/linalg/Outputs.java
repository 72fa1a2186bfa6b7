package org.netcompare.engine.linalg;

/** Filling a caller's output matrix, as EJML's getters do, so repeated calls need not allocate. */
final class Outputs {

    private Outputs() {
    }

    /**
     * A copy of {@code source} in {@code out} (same shape, overwritten), or in a new matrix when
     * {@code out} is null.
     */
    static Matrix copy(Matrix source, Matrix out, String name) {
        if (out == null) {
            return source.copy();
        }
        if (out.rows() != source.rows() || out.cols() != source.cols()) {
            throw new IllegalArgumentException(name + " is " + source.rows() + " x "
                    + source.cols() + ", output is " + out.rows() + " x " + out.cols());
        }
        System.arraycopy(source.data(), 0, out.data(), 0, source.data().length);
        return out;
    }
}

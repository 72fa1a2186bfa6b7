package org.netcompare.engine.gemm;

/**
 * Per-thread packing buffers, grown on demand and kept, so repeated GEMM calls (a training loop,
 * a kNN sweep) allocate nothing after the first. A buffer is only used between the start and the
 * end of one task or call on its own thread, and GEMM tasks never wait on other work while they
 * hold one, so no two users ever share it.
 */
final class Workspace {

    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    private float[] tile = new float[0];
    private double[] packedDoubleA = new double[0];
    private double[] packedDoubleB = new double[0];
    private double[] doubleTile = new double[0];

    private Workspace() {
    }

    /** The calling thread's buffers. */
    static Workspace current() {
        return LOCAL.get();
    }

    /** A buffer of at least {@code size} floats for a packed block of A. */
    float[] packedA(int size) {
        if (packedA.length < size) {
            packedA = new float[size];
        }
        return packedA;
    }

    /** A buffer of at least {@code size} floats for a packed panel of B. */
    float[] packedB(int size) {
        if (packedB.length < size) {
            packedB = new float[size];
        }
        return packedB;
    }

    /** A scratch tile of at least {@code size} floats the micro-kernel writes its sums to. */
    float[] tile(int size) {
        if (tile.length < size) {
            tile = new float[size];
        }
        return tile;
    }

    /** A buffer of at least {@code size} doubles for a packed block of A ({@link Dgemm}). */
    double[] packedDoubleA(int size) {
        if (packedDoubleA.length < size) {
            packedDoubleA = new double[size];
        }
        return packedDoubleA;
    }

    /** A buffer of at least {@code size} doubles for a packed panel of B ({@link Dgemm}). */
    double[] packedDoubleB(int size) {
        if (packedDoubleB.length < size) {
            packedDoubleB = new double[size];
        }
        return packedDoubleB;
    }

    /** A scratch tile of at least {@code size} doubles ({@link Dgemm}). */
    double[] doubleTile(int size) {
        if (doubleTile.length < size) {
            doubleTile = new double[size];
        }
        return doubleTile;
    }
}

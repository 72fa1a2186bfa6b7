package org.netcompare.kernels.opencl;

/**
 * The OpenCL programs of this backend and the {@code .cl} resources each is built from, in
 * order ({@code fiber.cl} holds the helpers that reductions and softmax share).
 */
enum Program {
    ELEMENTWISE("elementwise.cl"),
    REDUCE("fiber.cl", "reduce.cl"),
    SOFTMAX("fiber.cl", "softmax.cl"),
    SGEMM("sgemm.cl");

    /** Resource names, relative to this package. */
    final String[] sources;

    Program(String... sources) {
        this.sources = sources;
    }
}

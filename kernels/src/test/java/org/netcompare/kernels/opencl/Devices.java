package org.netcompare.kernels.opencl;

import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL context the tests of this package share: opened once per JVM, so PoCL compiles each
 * program once. Where OpenCL cannot open, tests are skipped with the reason printed.
 */
final class Devices {

    private static OpenClContext context;
    private static String failure;

    private Devices() {
    }

    /** The shared context, or a skipped test naming why there is none. */
    static synchronized OpenClContext context() {
        if (context == null && failure == null) {
            try {
                context = OpenClContext.open();
            } catch (IllegalStateException e) {
                failure = e.getMessage();
                System.out.println("OpenCL tests skipped: " + failure);
            }
        }
        Assumptions.assumeTrue(context != null, () -> "no OpenCL device: " + failure);
        return context;
    }
}

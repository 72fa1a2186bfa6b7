package org.netcompare.kernels.opencl;

/**
 * Which operations {@link OpenClBackend} runs on its device and which it hands to the CPU
 * backend, so that having OpenCL installed never makes a run slower than the CPU path.
 *
 * <p>{@link #fastest} is the rule the provider uses:
 * <ul>
 *   <li>CPU-type device (PoCL): every operation on the CPU backend. Such a device runs on the
 *       very cores the CPU backend uses, so at best it matches the engine's vectorised loops
 *       and Sgemm, and each call pays copies in and out on top. Measured with {@code
 *       OpenClGemmBenchmark} on the 2-core development machine (PoCL 3.1, AVX-512, load
 *       average about 8): n = 1024, the CPU backend 13.0 ms (165 GFLOPS) against sgemm.cl
 *       with transfers 22.9 ms (94 GFLOPS; kernel alone 16.6 ms, 130 GFLOPS); n = 256,
 *       0.23 ms against 0.78 ms. {@code OpenClOpsBenchmark} (4096 x 1024) puts the other
 *       kernels 10 to 30 times behind the CPU backend, transfers included.
 *   <li>GPU: gemm on the device from {@value #GPU_GEMM_MIN_FLOPS} floating-point operations
 *       (2 m n k; about a 128-cube) up, everything else on the CPU backend. Tensors live in host
 *       memory, so an elementwise operation or a reduction would move 8-12 bytes over the bus
 *       per element for one or two flops, which a CPU at memory speed always beats; a product
 *       moves 4 (mk + kn + mn) bytes for 2 mnk flops, which a GPU wins once n passes about 100
 *       (bus ~10 GB/s against ~100 GFLOPS for the CPU). No GPU was available to measure the
 *       threshold; it is that estimate.
 * </ul>
 * {@link #device} runs everything on the device: the contract tests and benchmarks use it to
 * exercise the kernels themselves.
 */
public final class Placement {

    /** Smallest gemm (2 m n k) sent to a GPU by {@link #fastest}. */
    static final long GPU_GEMM_MIN_FLOPS = 1L << 22;

    private final long gemmMinFlops;
    private final boolean othersOnDevice;
    private final String description;

    private Placement(long gemmMinFlops, boolean othersOnDevice, String description) {
        this.gemmMinFlops = gemmMinFlops;
        this.othersOnDevice = othersOnDevice;
        this.description = description;
    }

    /** Every operation on the device. */
    public static Placement device() {
        return new Placement(0, true, "every operation on the device");
    }

    /** The measured rule for the given device (see the class comment). */
    public static Placement fastest(OpenClContext context) {
        return context.isCpuDevice()
                ? new Placement(Long.MAX_VALUE, false,
                        "CPU-type device: every operation on the CPU backend, which is faster here")
                : new Placement(GPU_GEMM_MIN_FLOPS, false, "GPU: gemm of at least "
                        + GPU_GEMM_MIN_FLOPS + " flops on the device, the rest on the CPU");
    }

    /** True when a product op(A) op(B) of m x k by k x n runs on the device. */
    public boolean gemmOnDevice(int m, int n, int k) {
        return 2L * m * n * k >= gemmMinFlops;
    }

    /** True when elementwise operations, reductions, argmax and softmax run on the device. */
    public boolean othersOnDevice() {
        return othersOnDevice;
    }

    @Override
    public String toString() {
        return description;
    }
}

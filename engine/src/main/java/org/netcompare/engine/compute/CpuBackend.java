package org.netcompare.engine.compute;

import java.util.Arrays;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.tensor.Tensor;

/**
 * The pure-Java {@link Backend}, always available.
 *
 * <p>Elementwise operations walk their operands with {@link StridedLoop}: contiguous operands
 * become one long run handled by a tight loop, strided runs are staged through a small dense
 * buffer, and large tensors are cut into chunks that run on {@link
 * org.netcompare.engine.parallel.Parallelism}'s threads. Axis operations read a contiguous input
 * (a strided view is copied once, explicitly) and write a contiguous output (a strided output
 * receives a copy); see {@link AxisKernels} for their loops and double accumulation.
 * The dense inner loops are {@link DenseLoops}: SIMD through the incubator Vector API when the
 * JVM has that module, plain Java otherwise.
 */
public final class CpuBackend implements Backend {

    /** Length of the dense staging buffers for strided runs. */
    private static final int BLOCK = 1024;
    private final DenseLoops loops;
    private final AxisKernels axes;

    /** The backend on the fastest loops this JVM can run ({@link DenseLoops#best()}). */
    public CpuBackend() {
        this(DenseLoops.best());
    }

    /** The backend on the given loops (tests run the plain-Java ones through it). */
    CpuBackend(DenseLoops loops) {
        this.loops = loops;
        this.axes = new AxisKernels(loops);
    }

    @Override
    public String name() {
        return "cpu";
    }

    /** The inner loops in use: "vector (512-bit)" or similar, or "scalar". */
    public String implementation() {
        return loops.toString();
    }

    /**
     * Delegates to {@link Sgemm}. A matrix whose rows (or, transposed, whose columns) are
     * contiguous is passed as it lies, with its row stride as leading dimension; any other view
     * is copied with {@link Tensor#contiguous()} first.
     */
    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta,
            Tensor c) {
        Shapes.requireGemm(transA, transB, a, b, c);
        requireWritable("gemm", c);
        int m = c.dim(0);
        int n = c.dim(1);
        if (m == 0 || n == 0) {
            return;
        }
        int k = transA ? a.dim(0) : a.dim(1);
        StoredMatrix sa = StoredMatrix.of(a);
        StoredMatrix sb = StoredMatrix.of(b);
        int ldc = StoredMatrix.rowMajorLeading(c);
        Tensor target = ldc > 0 ? c : (beta == 0 ? Tensor.zeros(m, n) : c.copy());
        Sgemm.gemm(transA != sa.transposed, transB != sb.transposed, m, n, k, alpha,
                sa.matrix.data(), sa.matrix.offset(), sa.leading,
                sb.matrix.data(), sb.matrix.offset(), sb.leading, beta,
                target.data(), target.offset(), ldc > 0 ? ldc : n);
        if (target != c) {
            copy(target, c);
        }
    }

    @Override
    public void unary(UnaryOp op, Tensor in, Tensor out) {
        elementwise(Shapes.label(op), in, out,
                (x, xi, y, yi, n) -> loops.unary(op, x, xi, y, yi, n));
    }

    @Override
    public void affine(Tensor in, float scale, float shift, Tensor out) {
        elementwise("affine", in, out,
                (x, xi, y, yi, n) -> loops.affine(x, xi, scale, shift, y, yi, n));
    }

    /** {@code out = kernel(in)} elementwise, over any strides ({@link #staged}). */
    private static void elementwise(String name, Tensor in, Tensor out, Run kernel) {
        Shapes.requireSame(name, in, out);
        requireWritable(name, out);
        StridedLoop loop = new StridedLoop(out.shape(), in, out);
        int is = loop.innerStride(0);
        int os = loop.innerStride(1);
        float[] x = in.data();
        float[] y = out.data();
        loop.forEach(() -> staged(is, os, kernel, x, y));
    }

    @Override
    public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        String name = Shapes.label(op);
        int[] shape = Shapes.broadcast(name, a.shape(), b.shape());
        if (!Arrays.equals(shape, out.shape())) {
            throw new IllegalArgumentException(name + ": inputs " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()) + " broadcast to "
                    + Arrays.toString(shape) + ", not to output "
                    + Arrays.toString(out.shape()));
        }
        requireWritable(name, out);
        StridedLoop loop = new StridedLoop(shape, a.expand(shape), b.expand(shape), out);
        int as = loop.innerStride(0);
        int bs = loop.innerStride(1);
        int os = loop.innerStride(2);
        float[] x = a.data();
        float[] z = b.data();
        float[] y = out.data();
        loop.forEach(() -> {
            float[] left = new float[BLOCK];
            float[] right = new float[BLOCK];
            float[] result = new float[BLOCK];
            return (starts, length) -> {
                if (as == 1 && bs == 1 && os == 1) {
                    loops.binary(op, x, starts[0], z, starts[1], y, starts[2], length);
                    return;
                }
                for (int done = 0; done < length; done += BLOCK) {
                    int n = Math.min(BLOCK, length - done);
                    gather(x, starts[0] + done * as, as, left, n);
                    gather(z, starts[1] + done * bs, bs, right, n);
                    loops.binary(op, left, 0, right, 0, result, 0, n);
                    scatter(result, n, y, starts[2] + done * os, os);
                }
            };
        });
    }

    @Override
    public void reduce(Reduction reduction, Tensor in, int axis, Tensor out) {
        String name = Shapes.label(reduction);
        int ax = Shapes.axis(name, in, axis);
        Shapes.requireReduced(name, in, ax, out);
        if (reduction == Reduction.MAX || reduction == Reduction.MIN) {
            Shapes.requireNonEmptyAxis(name, in, ax);
        }
        requireWritable(name, out);
        Tensor source = in.contiguous();
        Tensor target = out.isContiguous() ? out : Tensor.zeros(out.shape());
        int[] shape = source.shape();
        axes.reduce(reduction, source.data(), source.offset(), before(shape, ax),
                shape[ax], after(shape, ax), target.data(), target.offset());
        if (target != out) {
            copy(target, out);
        }
    }

    @Override
    public void argmax(Tensor in, int axis, int[] out) {
        int ax = Shapes.axis("argmax", in, axis);
        Shapes.requireNonEmptyAxis("argmax", in, ax);
        int[] shape = in.shape();
        int outer = before(shape, ax);
        int inner = after(shape, ax);
        if (out.length != outer * inner) {
            throw new IllegalArgumentException("argmax along axis " + ax + " of "
                    + Arrays.toString(shape) + " gives " + outer * inner
                    + " indices, not " + out.length);
        }
        Tensor source = in.contiguous();
        AxisKernels.argmax(source.data(), source.offset(), outer, shape[ax], inner, out);
    }

    @Override
    public void softmax(Tensor in, int axis, Tensor out) {
        softmax(false, "softmax", in, axis, out);
    }

    @Override
    public void logSoftmax(Tensor in, int axis, Tensor out) {
        softmax(true, "logSoftmax", in, axis, out);
    }

    private void softmax(boolean log, String name, Tensor in, int axis, Tensor out) {
        int ax = Shapes.axis(name, in, axis);
        Shapes.requireSame(name, in, out);
        requireWritable(name, out);
        Tensor source = in.contiguous();
        Tensor target = out.isContiguous() ? out : Tensor.zeros(out.shape());
        int[] shape = source.shape();
        axes.softmax(log, source.data(), source.offset(), before(shape, ax), shape[ax],
                after(shape, ax), target.data(), target.offset());
        if (target != out) {
            copy(target, out);
        }
    }

    /** Copies src into dst element by element (same shape, any strides). */
    private static void copy(Tensor src, Tensor dst) {
        StridedLoop loop = new StridedLoop(dst.shape(), src, dst);
        int ss = loop.innerStride(0);
        int ds = loop.innerStride(1);
        float[] x = src.data();
        float[] y = dst.data();
        loop.forEach(() -> (starts, length) -> {
            if (ss == 1 && ds == 1) {
                System.arraycopy(x, starts[0], y, starts[1], length);
            } else {
                for (int i = 0; i < length; i++) {
                    y[starts[1] + i * ds] = x[starts[0] + i * ss];
                }
            }
        });
    }

    /**
     * A dense run kernel: n elements from {@code x[xi]} to {@code y[yi]}; y may be x at the
     * same index.
     */
    private interface Run {
        void run(float[] x, int xi, float[] y, int yi, int n);
    }

    /**
     * A one-input segment: dense runs go straight to {@code kernel}; strided ones are gathered
     * into a buffer, transformed there in place, and scattered.
     */
    private static StridedLoop.Segment staged(int is, int os, Run kernel, float[] x,
            float[] y) {
        float[] buffer = new float[BLOCK];
        return (starts, length) -> {
            if (is == 1 && os == 1) {
                kernel.run(x, starts[0], y, starts[1], length);
                return;
            }
            for (int done = 0; done < length; done += BLOCK) {
                int n = Math.min(BLOCK, length - done);
                gather(x, starts[0] + done * is, is, buffer, n);
                kernel.run(buffer, 0, buffer, 0, n);
                scatter(buffer, n, y, starts[1] + done * os, os);
            }
        };
    }

    /** Copies n elements spaced {@code stride} apart from {@code x[xi]} into {@code buffer}. */
    private static void gather(float[] x, int xi, int stride, float[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            buffer[i] = x[xi + i * stride];
        }
    }

    /** Writes the first n elements of {@code buffer} spaced {@code stride} apart from y[yi]. */
    private static void scatter(float[] buffer, int n, float[] y, int yi, int stride) {
        for (int i = 0; i < n; i++) {
            y[yi + i * stride] = buffer[i];
        }
    }

    /** Refuses an output that repeats elements (a stride-0 broadcast view). */
    private static void requireWritable(String name, Tensor out) {
        for (int axis = 0; axis < out.rank(); axis++) {
            if (out.dim(axis) > 1 && out.stride(axis) == 0) {
                throw new IllegalArgumentException(name + ": output " + Arrays.toString(
                        out.shape()) + " is a broadcast view (stride 0 on axis " + axis + ")");
            }
        }
    }

    private static int before(int[] shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= shape[i];
        }
        return n;
    }

    private static int after(int[] shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }
}

package org.netcompare.kernels.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jocl.cl_mem;
import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.BinaryOp;
import org.netcompare.engine.compute.CpuBackend;
import org.netcompare.engine.compute.Reduction;
import org.netcompare.engine.compute.Shapes;
import org.netcompare.engine.compute.UnaryOp;
import org.netcompare.engine.tensor.Tensor;

/**
 * The {@link Backend} on an OpenCL device: kernels from the {@code .cl} resources of this
 * package (elementwise.cl, reduce.cl, softmax.cl, sgemm.cl), launched through {@link Launcher}.
 *
 * <p>Each operation checks its operands exactly as the CPU backend does, then asks its {@link
 * Placement} whether to run on the device or on a {@link CpuBackend}; {@link
 * Placement#fastest} keeps every operation where it is fastest on this device. On the device,
 * elementwise kernels read and write the views through their strides (each operand's storage
 * span is uploaded, gaps included, and an output's span is written back whole), axis operations
 * read a contiguous copy of the input as the CPU backend does, and gemm works on packed panels
 * ({@link PanelGemm}). Device calls are serialised on this backend; tensors stay in host memory
 * between calls.
 */
public final class OpenClBackend implements Backend {

    private final OpenClContext context;
    private final Placement placement;
    private final Launcher launcher;
    private final PanelGemm panelGemm;
    private final CpuBackend cpu = new CpuBackend();

    /** A backend on {@code context}, which it uses but does not own. */
    public OpenClBackend(OpenClContext context, Placement placement) {
        this.context = context;
        this.placement = placement;
        this.launcher = new Launcher(context);
        this.panelGemm = new PanelGemm(context);
    }

    /**
     * Opens the preferred device ({@link OpenClContext#open}) with the placement {@link
     * Placement#fastest}.
     *
     * @throws IllegalStateException with a one-line reason when OpenCL cannot run here
     */
    public static OpenClBackend open() {
        OpenClContext context = OpenClContext.open();
        return new OpenClBackend(context, Placement.fastest(context));
    }

    @Override
    public String name() {
        return "opencl";
    }

    public OpenClContext context() {
        return context;
    }

    public Placement placement() {
        return placement;
    }

    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta,
            Tensor c) {
        Shapes.requireGemm(transA, transB, a, b, c);
        Views.requireWritable("gemm", c);
        int m = c.dim(0);
        int n = c.dim(1);
        int k = transA ? a.dim(0) : a.dim(1);
        if (!placement.gemmOnDevice(m, n, k)) {
            cpu.gemm(transA, transB, alpha, a, b, beta, c);
        } else {
            synchronized (panelGemm) {
                panelGemm.gemm(transA, transB, alpha, a, b, beta, c);
            }
        }
    }

    @Override
    public void unary(UnaryOp op, Tensor in, Tensor out) {
        String name = Shapes.label(op);
        Shapes.requireSame(name, in, out);
        Views.requireWritable(name, out);
        if (!placement.othersOnDevice()) {
            cpu.unary(op, in, out);
            return;
        }
        elementwise("unary", new Object[] {code(op)}, out, in);
    }

    @Override
    public void affine(Tensor in, float scale, float shift, Tensor out) {
        Shapes.requireSame("affine", in, out);
        Views.requireWritable("affine", out);
        if (!placement.othersOnDevice()) {
            cpu.affine(in, scale, shift, out);
            return;
        }
        elementwise("affine", new Object[] {scale, shift}, out, in);
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
        Views.requireWritable(name, out);
        if (!placement.othersOnDevice()) {
            cpu.binary(op, a, b, out);
            return;
        }
        elementwise("binary", new Object[] {code(op)}, out, a.expand(shape), b.expand(shape));
    }

    @Override
    public void reduce(Reduction reduction, Tensor in, int axis, Tensor out) {
        String name = Shapes.label(reduction);
        int ax = Shapes.axis(name, in, axis);
        Shapes.requireReduced(name, in, ax, out);
        if (reduction == Reduction.MAX || reduction == Reduction.MIN) {
            Shapes.requireNonEmptyAxis(name, in, ax);
        }
        Views.requireWritable(name, out);
        if (!placement.othersOnDevice()) {
            cpu.reduce(reduction, in, ax, out);
            return;
        }
        alongAxis(Program.REDUCE, "reduce", code(reduction), in, ax, out, out.size());
    }

    @Override
    public void argmax(Tensor in, int axis, int[] out) {
        int ax = Shapes.axis("argmax", in, axis);
        Shapes.requireNonEmptyAxis("argmax", in, ax);
        int[] shape = in.shape();
        int count = Views.before(shape, ax) * Views.after(shape, ax);
        if (out.length != count) {
            throw new IllegalArgumentException("argmax along axis " + ax + " of "
                    + Arrays.toString(shape) + " gives " + count + " indices, not "
                    + out.length);
        }
        if (!placement.othersOnDevice()) {
            cpu.argmax(in, ax, out);
            return;
        }
        if (count == 0) {
            return;
        }
        Tensor source = in.contiguous();
        synchronized (launcher) {
            cl_mem x = launcher.upload(0, source.data(), source.offset(), source.size());
            cl_mem y = launcher.buffer(1, (long) count * Integer.BYTES);
            launcher.run(Program.REDUCE, "argmax", count, x, 0, shape[ax],
                    Views.after(shape, ax), y);
            launcher.download(y, out);
        }
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
        Views.requireWritable(name, out);
        if (!placement.othersOnDevice()) {
            if (log) {
                cpu.logSoftmax(in, ax, out);
            } else {
                cpu.softmax(in, ax, out);
            }
            return;
        }
        alongAxis(Program.SOFTMAX, "softmax", log ? 1 : 0, in, ax, out, in.size());
    }

    /**
     * Upload, run, download for an elementwise kernel: {@code leading} scalar arguments, the
     * layout, then (buffer, offset) for each input and for the output.
     */
    private void elementwise(String kernel, Object[] leading, Tensor out, Tensor... inputs) {
        int count = out.size();
        if (count == 0) {
            return;
        }
        Tensor[] operands = Arrays.copyOf(inputs, inputs.length + 1);
        operands[inputs.length] = out;
        List<Object> arguments = new ArrayList<>(Arrays.asList(leading));
        synchronized (launcher) {
            arguments.add(launcher.upload(0, Views.layout(out.shape(), operands)));
            for (int i = 0; i < inputs.length; i++) {
                int[] span = Views.extent(inputs[i]);
                arguments.add(launcher.upload(1 + i, inputs[i].data(), span[0], span[1]));
                arguments.add(inputs[i].offset() - span[0]);
            }
            int[] span = Views.extent(out);
            int slot = 1 + inputs.length;
            // a contiguous output is overwritten whole; a strided one keeps its gaps
            cl_mem y = out.isContiguous()
                    ? launcher.buffer(slot, (long) span[1] * Float.BYTES)
                    : launcher.upload(slot, out.data(), span[0], span[1]);
            arguments.add(y);
            arguments.add(out.offset() - span[0]);
            launcher.run(Program.ELEMENTWISE, kernel, count, arguments.toArray());
            launcher.download(y, out.data(), span[0], span[1]);
        }
    }

    /**
     * Upload, run, download for a kernel over the fibers along {@code axis} of a contiguous
     * copy of {@code in}: arguments (code, input, offset, n, inner, output), one work-item per
     * fiber, {@code results} dense outputs in row-major order written into {@code out}.
     */
    private void alongAxis(Program program, String kernel, int code, Tensor in, int axis,
            Tensor out, int results) {
        int[] shape = in.shape();
        int fibers = Views.before(shape, axis) * Views.after(shape, axis);
        if (fibers == 0 || results == 0) {
            return;
        }
        Tensor source = in.contiguous();
        synchronized (launcher) {
            cl_mem x = launcher.upload(0, source.data(), source.offset(), source.size());
            cl_mem y = launcher.buffer(1, (long) results * Float.BYTES);
            launcher.run(program, kernel, fibers, code, x, 0, shape[axis],
                    Views.after(shape, axis), y);
            if (out.isContiguous()) {
                launcher.download(y, out.data(), out.offset(), results);
            } else {
                float[] dense = new float[results];
                launcher.download(y, dense, 0, results);
                Views.scatter(dense, out);
            }
        }
    }

    /** The operation codes elementwise.cl defines. */
    private static int code(UnaryOp op) {
        return switch (op) {
            case RELU -> 0;
            case EXP -> 1;
            case LOG -> 2;
            case TANH -> 3;
            case SIGMOID -> 4;
            case NEG -> 5;
            case ABS -> 6;
            case SQUARE -> 7;
            case SQRT -> 8;
        };
    }

    /** The operation codes elementwise.cl defines. */
    private static int code(BinaryOp op) {
        return switch (op) {
            case ADD -> 0;
            case SUB -> 1;
            case MUL -> 2;
            case DIV -> 3;
            case MAX -> 4;
            case MIN -> 5;
        };
    }

    /** The operation codes reduce.cl defines. */
    private static int code(Reduction reduction) {
        return switch (reduction) {
            case SUM -> 0;
            case MEAN -> 1;
            case MAX -> 2;
            case MIN -> 3;
            case LOG_SUM_EXP -> 4;
        };
    }
}

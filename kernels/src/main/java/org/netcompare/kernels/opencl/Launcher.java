package org.netcompare.kernels.opencl;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;

import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The one place that moves data and launches kernels, so an operation reads as "upload, run,
 * download". Device buffers live in numbered slots that are reused from call to call and only
 * grow; an operation uses slots 0, 1, 2... for its operands. Transfers are blocking (the Java
 * arrays may move once a call returns); launches go to the context's in-order queue, so a
 * download after a run sees its results. Not thread-safe: {@link OpenClBackend} serialises
 * callers.
 */
final class Launcher implements AutoCloseable {

    private final OpenClContext context;
    private final List<cl_mem> buffers = new ArrayList<>();
    private final List<Long> capacities = new ArrayList<>();

    Launcher(OpenClContext context) {
        this.context = context;
    }

    /** Copies {@code data[from, from + length)} into slot {@code slot} and returns its buffer. */
    cl_mem upload(int slot, float[] data, int from, int length) {
        cl_mem buffer = buffer(slot, (long) length * Sizeof.cl_float);
        if (length > 0) {
            CL.clEnqueueWriteBuffer(context.queue(), buffer, CL_TRUE, 0,
                    (long) length * Sizeof.cl_float,
                    Pointer.to(data).withByteOffset((long) from * Sizeof.cl_float), 0, null,
                    null);
        }
        return buffer;
    }

    /** Copies {@code data} into slot {@code slot} and returns its buffer. */
    cl_mem upload(int slot, int[] data) {
        cl_mem buffer = buffer(slot, (long) data.length * Sizeof.cl_int);
        if (data.length > 0) {
            CL.clEnqueueWriteBuffer(context.queue(), buffer, CL_TRUE, 0,
                    (long) data.length * Sizeof.cl_int, Pointer.to(data), 0, null, null);
        }
        return buffer;
    }

    /** Slot {@code slot} holding at least {@code bytes} bytes; its contents are undefined. */
    cl_mem buffer(int slot, long bytes) {
        while (buffers.size() <= slot) {
            buffers.add(null);
            capacities.add(0L);
        }
        long wanted = Math.max(bytes, Sizeof.cl_float);
        if (capacities.get(slot) < wanted) {
            if (buffers.get(slot) != null) {
                CL.clReleaseMemObject(buffers.get(slot));
            }
            buffers.set(slot, CL.clCreateBuffer(context.context(), CL_MEM_READ_WRITE, wanted,
                    null, null));
            capacities.set(slot, wanted);
        }
        return buffers.get(slot);
    }

    /**
     * Runs kernel {@code name} of {@code program} over {@code global} work-items (one size per
     * dimension); the implementation chooses the work-group sizes within the device's limits
     * (for sgemm.cl on PoCL, no explicit size tried, 1x1 to 128x1 and 8x8, did better).
     * Arguments are {@link cl_mem} buffers, {@link Integer}s and {@link Float}s, in order.
     */
    void run(Program program, String name, long[] global, Object... arguments) {
        cl_kernel kernel = context.programs().kernel(program, name);
        // a kernel object holds its arguments until the launch is enqueued, and backends on
        // one context share it: set and enqueue as one step
        synchronized (kernel) {
            for (int i = 0; i < arguments.length; i++) {
                Object argument = arguments[i];
                if (argument instanceof cl_mem mem) {
                    CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(mem));
                } else if (argument instanceof Integer value) {
                    CL.clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {value}));
                } else if (argument instanceof Float value) {
                    CL.clSetKernelArg(kernel, i, Sizeof.cl_float,
                            Pointer.to(new float[] {value}));
                } else {
                    throw new IllegalArgumentException(name + ": unsupported kernel argument "
                            + argument);
                }
            }
            CL.clEnqueueNDRangeKernel(context.queue(), kernel, global.length, null, global,
                    null, 0, null, null);
        }
    }

    /** {@link #run} over {@code count} work-items in one dimension. */
    void run(Program program, String name, long count, Object... arguments) {
        run(program, name, new long[] {count}, arguments);
    }

    /** Copies the first {@code length} floats of {@code buffer} into {@code data[from...]}. */
    void download(cl_mem buffer, float[] data, int from, int length) {
        if (length > 0) {
            CL.clEnqueueReadBuffer(context.queue(), buffer, CL_TRUE, 0,
                    (long) length * Sizeof.cl_float,
                    Pointer.to(data).withByteOffset((long) from * Sizeof.cl_float), 0, null,
                    null);
        }
    }

    /** Copies the first {@code data.length} ints of {@code buffer} into {@code data}. */
    void download(cl_mem buffer, int[] data) {
        if (data.length > 0) {
            CL.clEnqueueReadBuffer(context.queue(), buffer, CL_TRUE, 0,
                    (long) data.length * Sizeof.cl_int, Pointer.to(data), 0, null, null);
        }
    }

    /** Waits until every launched kernel has finished. */
    void finish() {
        CL.clFinish(context.queue());
    }

    @Override
    public void close() {
        for (cl_mem buffer : buffers) {
            if (buffer != null) {
                CL.clReleaseMemObject(buffer);
            }
        }
        buffers.clear();
        capacities.clear();
    }
}

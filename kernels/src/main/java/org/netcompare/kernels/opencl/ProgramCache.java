package org.netcompare.kernels.opencl;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * Builds each {@link Program} at most once per context (PoCL compiles on first use, which costs
 * a few hundred milliseconds) and keeps one {@code cl_kernel} per kernel name. Kernel objects
 * carry their arguments, so {@link Launcher} sets them and enqueues under the kernel's lock.
 */
final class ProgramCache implements AutoCloseable {

    /**
     * No fast-math flags: the kernels keep IEEE semantics for NaN, infinities and signed zeros,
     * which the backend contract tests.
     */
    private static final String OPTIONS = "-cl-std=CL1.2";

    private final cl_context context;
    private final cl_device_id device;
    private final Map<Program, cl_program> programs = new EnumMap<>(Program.class);
    private final Map<String, cl_kernel> kernels = new HashMap<>();

    ProgramCache(cl_context context, cl_device_id device) {
        this.context = context;
        this.device = device;
    }

    /**
     * The kernel {@code name} of {@code program}, building the program on first use.
     *
     * @throws IllegalStateException naming the sources and carrying the build log when the
     *     device compiler rejects them
     */
    synchronized cl_kernel kernel(Program program, String name) {
        String key = program + "/" + name;
        cl_kernel kernel = kernels.get(key);
        if (kernel == null) {
            kernel = CL.clCreateKernel(program(program), name, null);
            kernels.put(key, kernel);
        }
        return kernel;
    }

    private cl_program program(Program program) {
        cl_program built = programs.get(program);
        if (built != null) {
            return built;
        }
        String[] sources = new String[program.sources.length];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = read(program.sources[i]);
        }
        built = CL.clCreateProgramWithSource(context, sources.length, sources, null, null);
        try {
            CL.clBuildProgram(built, 1, new cl_device_id[] {device}, OPTIONS, null, null);
        } catch (CLException e) {
            String log = buildLog(built);
            CL.clReleaseProgram(built);
            throw new IllegalStateException(String.join(" + ", program.sources)
                    + ": OpenCL build failed (" + e.getMessage() + "): " + log, e);
        }
        programs.put(program, built);
        return built;
    }

    private String buildLog(cl_program program) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, bytes.length,
                Pointer.to(bytes), null);
        return OpenClContext.text(bytes);
    }

    private static String read(String resource) {
        try (InputStream in = ProgramCache.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": kernel source missing from the"
                        + " class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read kernel source", e);
        }
    }

    @Override
    public synchronized void close() {
        kernels.values().forEach(CL::clReleaseKernel);
        programs.values().forEach(CL::clReleaseProgram);
        kernels.clear();
        programs.clear();
    }
}

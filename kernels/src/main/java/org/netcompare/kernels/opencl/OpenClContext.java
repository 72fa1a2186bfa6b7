package org.netcompare.kernels.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_PLATFORM_NAME;

import java.nio.charset.StandardCharsets;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device with its context and in-order command queue, and the programs built for it
 * ({@link ProgramCache}).
 *
 * <p>Device choice: the first GPU of any platform; without one, the first CPU device (PoCL's
 * pthread device, for instance). Opening fails with an {@link IllegalStateException} carrying one
 * readable line when the native loader is missing ({@code libOpenCL.so}: JOCL throws an {@link
 * UnsatisfiedLinkError} on first use and {@link NoClassDefFoundError} afterwards, so the first
 * failure is remembered and repeated), when no platform is registered ({@code clGetPlatformIDs}
 * returns -1001, CL_PLATFORM_NOT_FOUND_KHR) or when no GPU or CPU device exists.
 */
public final class OpenClContext implements AutoCloseable {

    /** The first native-library failure, repeated to later callers instead of retrying. */
    private static volatile String linkageFailure;

    private final cl_device_id device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final String description;
    private final boolean cpuDevice;
    private final ProgramCache programs;

    @SuppressWarnings("deprecation")
    private OpenClContext(String platformName, cl_platform_id platform, cl_device_id device) {
        this.device = device;
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, platform);
        this.context = CL.clCreateContext(properties, 1, new cl_device_id[] {device}, null, null,
                null);
        // clCreateCommandQueue (OpenCL 1.x) rather than ...WithProperties (2.0), so 1.2
        // platforms open too
        this.queue = CL.clCreateCommandQueue(context, device, 0, null);
        this.cpuDevice = (deviceLong(device, CL_DEVICE_TYPE) & CL_DEVICE_TYPE_CPU) != 0;
        this.description = deviceString(device, CL_DEVICE_NAME) + " (" + platformName + ", "
                + (cpuDevice ? "CPU" : "GPU") + ")";
        this.programs = new ProgramCache(context, device);
    }

    /**
     * Opens the preferred device.
     *
     * @throws IllegalStateException with a one-line reason when OpenCL cannot run here
     */
    public static OpenClContext open() {
        if (linkageFailure != null) {
            throw new IllegalStateException(linkageFailure);
        }
        try {
            CL.setExceptionsEnabled(true);
            cl_platform_id[] platforms = platforms();
            for (long type : new long[] {CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_CPU}) {
                for (cl_platform_id platform : platforms) {
                    cl_device_id[] devices = devices(platform, type);
                    if (devices.length > 0) {
                        return new OpenClContext(platformString(platform, CL_PLATFORM_NAME),
                                platform, devices[0]);
                    }
                }
            }
            throw new IllegalStateException("no OpenCL GPU or CPU device on "
                    + platforms.length + " platform(s)");
        } catch (LinkageError e) {
            linkageFailure = "OpenCL native library unavailable (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")";
            throw new IllegalStateException(linkageFailure, e);
        } catch (CLException e) {
            throw new IllegalStateException("OpenCL failed while opening a device: "
                    + e.getMessage(), e);
        }
    }

    /** "device name (platform name, CPU|GPU)". */
    public String description() {
        return description;
    }

    /** True for a CPU-type device, which shares the cores the CPU backend runs on. */
    public boolean isCpuDevice() {
        return cpuDevice;
    }

    cl_context context() {
        return context;
    }

    cl_command_queue queue() {
        return queue;
    }

    ProgramCache programs() {
        return programs;
    }

    @Override
    public void close() {
        programs.close();
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }

    @Override
    public String toString() {
        return description;
    }

    private static cl_platform_id[] platforms() {
        int[] count = new int[1];
        try {
            CL.clGetPlatformIDs(0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_PLATFORM_NOT_FOUND_KHR) {
                throw new IllegalStateException("no OpenCL platform is registered"
                        + " (clGetPlatformIDs: CL_PLATFORM_NOT_FOUND_KHR)", e);
            }
            throw e;
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        if (count[0] > 0) {
            CL.clGetPlatformIDs(count[0], platforms, null);
        }
        return platforms;
    }

    private static cl_device_id[] devices(cl_platform_id platform, long type) {
        int[] count = new int[1];
        try {
            CL.clGetDeviceIDs(platform, type, 0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_DEVICE_NOT_FOUND) {
                return new cl_device_id[0];
            }
            throw e;
        }
        cl_device_id[] devices = new cl_device_id[count[0]];
        CL.clGetDeviceIDs(platform, type, count[0], devices, null);
        return devices;
    }

    private static long deviceLong(cl_device_id device, int parameter) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, parameter, Sizeof.cl_long, Pointer.to(value), null);
        return value[0];
    }

    private static String deviceString(cl_device_id device, int parameter) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(device, parameter, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetDeviceInfo(device, parameter, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static String platformString(cl_platform_id platform, int parameter) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(platform, parameter, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetPlatformInfo(platform, parameter, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    /** A NUL-terminated byte string from OpenCL, without the terminator. */
    static String text(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).strip();
    }
}

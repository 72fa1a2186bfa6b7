package org.netcompare.engine.compute;

/**
 * Service-provider interface through which another module (kernels: OpenCL) offers a
 * {@link Backend}. Register an implementation in
 * {@code META-INF/services/org.netcompare.engine.compute.BackendProvider}; it needs a public
 * no-argument constructor that does no work, since {@link Backends#select} instantiates every
 * provider to read its name. Native libraries, platforms and devices are touched only in
 * {@link #create()}.
 */
public interface BackendProvider {

    /** Lower-case name users select the backend by ("opencl"); never "cpu" or "auto". */
    String name();

    /**
     * Opens the backend.
     *
     * @throws Exception (or a {@link LinkageError}) when it cannot run here, for instance when no
     *     OpenCL platform or device exists; {@link Backends#select} turns that into a notice
     */
    Backend create() throws Exception;
}

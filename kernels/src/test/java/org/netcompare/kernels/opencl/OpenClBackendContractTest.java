package org.netcompare.kernels.opencl;

import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.BackendContractTest;

/** Every kernel of the OpenCL backend against the engine's backend contract. */
class OpenClBackendContractTest extends BackendContractTest {

    private static OpenClBackend backend;

    /** Every operation on the device, so the kernels themselves are under test. */
    @Override
    protected Backend backend() {
        synchronized (OpenClBackendContractTest.class) {
            if (backend == null) {
                backend = new OpenClBackend(Devices.context(), Placement.device());
            }
            return backend;
        }
    }
}

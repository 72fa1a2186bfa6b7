package org.netcompare.kernels.opencl;

import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.BackendProvider;

/**
 * Offers {@link OpenClBackend} as "opencl" to {@link org.netcompare.engine.compute.Backends}.
 * Construction touches nothing native; {@link #create()} opens the device and throws with a
 * one-line reason (no library, no platform, no device), which Backends turns into one notice
 * and the CPU backend.
 */
public final class OpenClBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public Backend create() {
        return OpenClBackend.open();
    }
}

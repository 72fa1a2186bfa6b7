package org.netcompare.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.Backends;
import org.netcompare.engine.compute.CpuBackend;
import org.netcompare.engine.compute.UnaryOp;
import org.netcompare.engine.tensor.Tensor;

/** The provider is found by Backends, and the fastest placement keeps PoCL off the hot path. */
class OpenClBackendProviderTest {

    @Test
    void backendsSelectsOpenClByName() {
        Devices.context();
        List<String> notices = new ArrayList<>();
        Backend backend = Backends.select("opencl", notices::add);
        assertEquals("opencl", backend.name(), notices.toString());
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void fastestPlacementSendsEverythingToTheCpuOnACpuDevice() {
        OpenClContext context = Devices.context();
        Placement placement = Placement.fastest(context);
        assertEquals(context.isCpuDevice(), !placement.othersOnDevice(), placement.toString());
        if (context.isCpuDevice()) {
            assertFalse(placement.gemmOnDevice(4096, 4096, 4096), placement.toString());
            // delegated, so bit for bit the CPU backend's results
            OpenClBackend backend = new OpenClBackend(context, placement);
            Tensor a = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor b = Tensor.wrap(new float[] {0.5f, -1, 2, 0.25f, 3, -2}, 3, 2);
            CpuBackend cpu = new CpuBackend();
            assertArrayEquals(cpu.gemm(false, false, a, b).toArray(),
                    backend.gemm(false, false, a, b).toArray());
            assertArrayEquals(cpu.unary(UnaryOp.TANH, a).toArray(),
                    backend.unary(UnaryOp.TANH, a).toArray());
        }
    }

    @Test
    void devicePlacementRunsEverythingOnTheDevice() {
        Placement placement = Placement.device();
        assertTrue(placement.othersOnDevice());
        assertTrue(placement.gemmOnDevice(1, 1, 1));
    }
}

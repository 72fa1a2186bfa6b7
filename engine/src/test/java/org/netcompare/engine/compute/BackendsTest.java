package org.netcompare.engine.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backend selection against the fake providers registered in src/test/providers (in order:
 * linkage failure, broken constructor, exception, working "fake").
 */
class BackendsTest {

    private final List<String> notices = new ArrayList<>();

    @Test
    void preferenceComesFromTheArgumentThenTheEnvironmentThenAuto() {
        assertEquals("cpu", Backends.resolve("cpu", "opencl"));
        assertEquals("opencl", Backends.resolve(null, "opencl"));
        assertEquals("opencl", Backends.resolve("  ", " OpenCL\n"));
        assertEquals("auto", Backends.resolve(null, null));
        assertEquals("auto", Backends.resolve("", ""));
        assertEquals("cpu", Backends.resolve(" CPU ", null));
    }

    @Test
    void cpuNeedsNoProvider() {
        assertInstanceOf(CpuBackend.class, Backends.select("cpu", notices::add));
        assertEquals(List.of(), notices);
    }

    @Test
    void aNamedProviderIsUsed() {
        assertSame(FakeBackendProvider.BACKEND, Backends.select("fake", notices::add));
        assertOnlyTheBrokenConstructorIsReported();
    }

    @Test
    void aLinkageErrorIsOneNoticeAndTheCpuBackend() {
        assertInstanceOf(CpuBackend.class, Backends.select("fake-linkage", notices::add));
        assertEquals(2, notices.size(), notices.toString());
        assertNotice("backend fake-linkage is unavailable (UnsatisfiedLinkError", "using cpu");
    }

    @Test
    void anExceptionIsOneNoticeAndTheCpuBackend() {
        assertInstanceOf(CpuBackend.class, Backends.select("FAKE-EXCEPTION", notices::add));
        assertEquals(2, notices.size(), notices.toString());
        assertNotice("backend fake-exception is unavailable (IllegalStateException: no platform",
                "using cpu");
    }

    @Test
    void openclWithoutAProviderFallsBackToCpu() {
        assertInstanceOf(CpuBackend.class, Backends.select("opencl", notices::add));
        assertNotice("backend opencl is not installed; using cpu");
    }

    @Test
    void autoTakesTheFirstProviderThatOpens() {
        assertSame(FakeBackendProvider.BACKEND, Backends.select("auto", notices::add));
        assertEquals(3, notices.size(), notices.toString());
        assertNotice("backend fake-linkage is unavailable", "skipping it");
        assertNotice("backend fake-exception is unavailable", "skipping it");
    }

    private void assertOnlyTheBrokenConstructorIsReported() {
        assertEquals(1, notices.size(), notices.toString());
        assertNotice("failed to load", "BrokenConstructorProvider");
    }

    /** Some notice contains every fragment; every notice is one line. */
    private void assertNotice(String... fragments) {
        for (String notice : notices) {
            assertTrue(!notice.contains("\n") && !notice.contains("\r"), notice);
        }
        assertTrue(notices.stream().anyMatch(n -> {
            for (String fragment : fragments) {
                if (!n.contains(fragment)) {
                    return false;
                }
            }
            return true;
        }), "no notice with " + List.of(fragments) + " in " + notices);
    }
}

package org.netcompare.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an OpenCL platform the run goes on: in a child JVM whose ICD loader finds no vendor
 * ({@code OCL_ICD_VENDORS} names an empty directory), selecting "auto" or "opencl" gives the CPU
 * backend and exactly one notice line, and the JVM exits normally.
 */
class OpenClFallbackTest {

    @TempDir
    Path emptyVendors;

    @Test
    void autoFallsBackToCpuWithOneNotice() throws Exception {
        assertFallsBack("auto");
    }

    @Test
    void explicitOpenClFallsBackToCpuWithOneNotice() throws Exception {
        assertFallsBack("opencl");
    }

    private void assertFallsBack(String preference) throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp",
                System.getProperty("java.class.path"), FallbackProbe.class.getName(), preference);
        builder.environment().put("OCL_ICD_VENDORS", emptyVendors.toString());
        builder.environment().remove("OPENCL_VENDOR_PATH");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(exited, "child JVM did not exit: " + output);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().filter(line -> !line.startsWith("WARNING")).toList();
        assertEquals(2, lines.size(), output);
        assertTrue(lines.get(0).startsWith("notice: backend opencl is unavailable")
                && lines.get(0).contains("no OpenCL platform"), output);
        assertEquals("backend: cpu", lines.get(1), output);
    }
}

package org.netcompare.engine.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which micro-kernel a fresh JVM picks, from its flags: the guard must never fail to link. */
class SgemmPathSelectionTest {

    /** [[1 2 3] [4 5 6]] times [[7 8] [9 10] [11 12]], worked by hand. */
    private static final String PRODUCT = "58.0 64.0 139.0 154.0";

    private static List<String> probe(String... jvmFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GemmPathProbe.class.getName());
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "probe JVM failed: " + output);
        return output.lines().toList();
    }

    @Test
    void withoutTheVectorModuleTheScalarKernelRuns() throws Exception {
        assertEquals(List.of("scalar", PRODUCT), probe());
    }

    @Test
    void thePropertyForcesTheScalarKernel() throws Exception {
        assertEquals(List.of("scalar", PRODUCT),
                probe("--add-modules", "jdk.incubator.vector", "-Dnetcompare.gemm.scalar=true"));
    }

    @Test
    void theSharedPropertyForcesTheScalarKernel() throws Exception {
        assertEquals(List.of("scalar", PRODUCT),
                probe("--add-modules", "jdk.incubator.vector", "-Dnetcompare.scalar=true"));
    }

    @Test
    void withTheModuleTheVectorKernelRuns() throws Exception {
        List<String> lines = probe("--add-modules", "jdk.incubator.vector");
        assertEquals(Sgemm.describe(Sgemm.vectorKernel()), lines.get(0));
        assertEquals(PRODUCT, lines.get(1));
    }
}

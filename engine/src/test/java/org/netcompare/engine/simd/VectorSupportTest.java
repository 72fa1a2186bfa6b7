package org.netcompare.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The selection rules, in this JVM (surefire starts it with the Vector API module). Fresh JVMs
 * without the module or with the properties are probed by SgemmPathSelectionTest.
 */
class VectorSupportTest {

    private static final String FAMILY = "netcompare.test.family.scalar";

    @Test
    void withTheModuleTheVectorImplementationIsChosen() {
        assertTrue(VectorSupport.available(), VectorSupport.reason());
        assertEquals("Vector API (jdk.incubator.vector)", VectorSupport.reason());
        assertEquals("vector", VectorSupport.choose(() -> "vector", () -> "scalar"));
        assertEquals("vector", VectorSupport.choose(FAMILY, () -> "vector", () -> "scalar"));
    }

    @Test
    void aFailedLinkFallsBackToScalar() {
        assertEquals("scalar", VectorSupport.choose(() -> {
            throw new NoClassDefFoundError("jdk/incubator/vector/FloatVector");
        }, () -> "scalar"));
        assertNull(VectorSupport.link(() -> {
            throw new NoClassDefFoundError("jdk/incubator/vector/FloatVector");
        }));
    }

    @Test
    void theSharedAndTheFamilyPropertiesForceScalar() {
        try {
            System.setProperty(FAMILY, "true");
            assertEquals("scalar", VectorSupport.choose(FAMILY, () -> "vector", () -> "scalar"));
            assertEquals("vector", VectorSupport.choose(() -> "vector", () -> "scalar"));
            System.setProperty(VectorSupport.SCALAR_PROPERTY, "true");
            assertEquals("plain Java: forced by -Dnetcompare.scalar=true", VectorSupport.reason());
            assertEquals("scalar", VectorSupport.choose(() -> "vector", () -> "scalar"));
            assertEquals("vector", VectorSupport.link(() -> "vector"),
                    "link ignores the properties so tests can run both paths");
        } finally {
            System.clearProperty(FAMILY);
            System.clearProperty(VectorSupport.SCALAR_PROPERTY);
        }
    }
}

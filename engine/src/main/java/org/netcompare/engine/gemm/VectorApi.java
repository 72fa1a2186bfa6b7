package org.netcompare.engine.gemm;

import java.util.function.Supplier;

/**
 * The one place that decides whether the incubator Vector API can be used: only when the
 * {@code jdk.incubator.vector} module is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}), so a JVM without it never touches a class that
 * names {@code jdk.incubator.vector} types.
 */
final class VectorApi {

    private VectorApi() {
    }

    /**
     * The kernel {@code factory} builds, or null when the module is absent or its classes fail to
     * link. The factory must be a lambda, not a method reference: a lambda body is only resolved
     * when it runs, after the module check.
     */
    static <T> T loadIfPresent(Supplier<T> factory) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return factory.get();
        } catch (LinkageError unavailable) {
            return null;
        }
    }
}

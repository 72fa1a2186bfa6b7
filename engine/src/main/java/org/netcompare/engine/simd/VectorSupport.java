package org.netcompare.engine.simd;

import java.util.function.Supplier;

/**
 * Whether the engine's SIMD kernels may run, decided in one place for every kernel family
 * (GEMM micro-kernels, CPU backend loops, linear-algebra row kernels).
 *
 * <p>They need the incubator Vector API, which a JVM only resolves when started with
 * {@code --add-modules jdk.incubator.vector}; a plain {@code java -jar} gets the plain-Java
 * kernels instead. The system property {@code netcompare.scalar=true} ({@link #SCALAR_PROPERTY})
 * forces plain Java everywhere, and a family may name its own property as well (for example
 * {@code netcompare.gemm.scalar}). The vector classes are built only through the suppliers given
 * here, so a JVM without the module never loads them.
 */
public final class VectorSupport {

    /** The system property that, set to {@code true}, forces the plain-Java kernels everywhere. */
    public static final String SCALAR_PROPERTY = "netcompare.scalar";

    private static final String MODULE = "jdk.incubator.vector";

    private VectorSupport() {
    }

    /** True when the Vector API module is in the boot layer and nothing forces plain Java. */
    public static boolean available() {
        return moduleLoaded() && !Boolean.getBoolean(SCALAR_PROPERTY);
    }

    /**
     * Why the SIMD kernels do or do not run: the missing module, the property forcing plain
     * Java, or that the Vector API is in use.
     */
    public static String reason() {
        if (!moduleLoaded()) {
            return "plain Java: the JVM was started without --add-modules " + MODULE;
        }
        if (Boolean.getBoolean(SCALAR_PROPERTY)) {
            return "plain Java: forced by -D" + SCALAR_PROPERTY + "=true";
        }
        return "Vector API (" + MODULE + ")";
    }

    /**
     * The vector implementation when {@link #available()} and the family's own property
     * {@code familyProperty} is not {@code true}, and it links; the scalar one otherwise.
     */
    public static <T> T choose(String familyProperty, Supplier<? extends T> vector,
            Supplier<? extends T> scalar) {
        return Boolean.getBoolean(familyProperty) ? scalar.get() : choose(vector, scalar);
    }

    /** The vector implementation when {@link #available()} and it links, else the scalar one. */
    public static <T> T choose(Supplier<? extends T> vector, Supplier<? extends T> scalar) {
        T loaded = available() ? link(vector) : null;
        return loaded != null ? loaded : scalar.get();
    }

    /**
     * The vector implementation whenever the module is present and it links, whatever the
     * properties say (tests run both paths in one JVM); null otherwise.
     */
    public static <T> T link(Supplier<? extends T> vector) {
        if (!moduleLoaded()) {
            return null;
        }
        try {
            return vector.get();
        } catch (LinkageError unavailable) {
            return null;
        }
    }

    private static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }
}

package org.netcompare.kernels.opencl;

import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.Backends;

/**
 * Child-JVM entry point of {@link OpenClFallbackTest}: selects a backend with the given
 * preference and prints "notice: ..." per notice, then "backend: NAME".
 */
public final class FallbackProbe {

    private FallbackProbe() {
    }

    public static void main(String[] args) {
        Backend backend = Backends.select(args[0], line -> System.out.println("notice: " + line));
        System.out.println("backend: " + backend.name());
    }
}

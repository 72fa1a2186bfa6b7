package org.netcompare.engine.compute;

/**
 * The contract on the CPU backend's plain-Java loops, the path of a JVM started without
 * {@code --add-modules jdk.incubator.vector} (the tests themselves run with it).
 */
class ScalarCpuBackendContractTest extends BackendContractTest {

    @Override
    protected Backend backend() {
        return new CpuBackend(ScalarLoops.INSTANCE);
    }
}

package org.netcompare.engine.compute;

class CpuBackendContractTest extends BackendContractTest {

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}

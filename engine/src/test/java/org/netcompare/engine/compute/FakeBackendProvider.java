package org.netcompare.engine.compute;

/** A working provider, registered for engine tests only (src/test/providers). */
public final class FakeBackendProvider implements BackendProvider {

    /** The backend every create() returns, so tests can recognise it. */
    static final Backend BACKEND = new CpuBackend();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Backend create() {
        return BACKEND;
    }
}

package org.netcompare.engine.compute;

/** A provider that cannot even be instantiated (ServiceLoader reports an error). */
public final class BrokenConstructorProvider implements BackendProvider {

    public BrokenConstructorProvider() {
        throw new IllegalStateException("broken on purpose");
    }

    @Override
    public String name() {
        return "fake-broken";
    }

    @Override
    public Backend create() {
        throw new AssertionError("never constructed");
    }
}

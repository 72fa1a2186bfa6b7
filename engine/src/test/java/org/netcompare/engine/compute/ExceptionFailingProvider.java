package org.netcompare.engine.compute;

/** A provider that loads but finds no device. */
public final class ExceptionFailingProvider implements BackendProvider {

    @Override
    public String name() {
        return "fake-exception";
    }

    @Override
    public Backend create() throws Exception {
        throw new IllegalStateException("no platform");
    }
}

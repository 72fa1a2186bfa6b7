package org.netcompare.engine.compute;

/** A provider whose native library is missing, as JOCL's is on a machine without OpenCL. */
public final class LinkageFailingProvider implements BackendProvider {

    @Override
    public String name() {
        return "fake-linkage";
    }

    @Override
    public Backend create() {
        throw new UnsatisfiedLinkError("no fakecl in java.library.path:\n/usr/lib");
    }
}

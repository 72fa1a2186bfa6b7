package org.netcompare.engine.io;

import java.io.IOException;

/** A consumer that may throw {@link IOException}, for bodies that write a file. */
@FunctionalInterface
public interface IOConsumer<T> {

    void accept(T value) throws IOException;
}

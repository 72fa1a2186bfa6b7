package org.netcompare.engine.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;

/** Writing files so that a crash or an exception never leaves a half-written target behind. */
public final class AtomicFiles {

    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Runs {@code body} on a stream into a temporary file in {@code target}'s directory, forces it
     * to disk and renames it onto {@code target} (atomically where the file system can). If
     * {@code body} or any step throws, the temporary file is deleted and {@code target} is left as
     * it was. The body may close the stream or not; it is flushed either way.
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        try (PendingFile pending = PendingFile.create(target)) {
            OutputStream channelStream = Channels.newOutputStream(pending.channel());
            OutputStream out = new BufferedOutputStream(new FilterOutputStream(channelStream) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, BUFFER_BYTES);
            body.accept(out);
            out.flush();
            pending.commit();
        }
    }
}

package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file being written under a temporary name beside its target. {@link #commit()} forces it to
 * disk and renames it onto the target; {@link #close()} without a commit deletes it, so a reader
 * of the target sees the old file or the complete new one, never a partial one.
 */
final class PendingFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private boolean committed;

    private PendingFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /** Creates the temporary file in the target's directory (a rename only stays atomic there). */
    static PendingFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".",
                    ".tmp");
        } catch (NoSuchFileException e) {
            // Name the target, not the temporary file the user never asked for.
            throw new NoSuchFileException(target.toString(), null, "directory " + directory
                    + " does not exist");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(target.toString(), null, "no permission to write in "
                    + directory);
        }
        try {
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            return new PendingFile(target, temporary, channel);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** The open temporary file, positioned at its start. */
    FileChannel channel() {
        return channel;
    }

    /** Forces the data to disk, closes and renames onto the target, replacing any old file. */
    void commit() throws IOException {
        channel.force(true);
        channel.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

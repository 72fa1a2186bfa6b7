package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * What the io tests share: files laid out byte by byte in a test's temporary directory, the
 * directory's listing (to see that no temporary file is left behind), and the form every
 * rejection must take.
 */
final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code bytes} to {@code dir/name} and returns that path. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    /** The entries of {@code dir}, in no particular order. */
    static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /**
     * {@code read(path)} must throw a {@link FileFormatException} whose message is one line,
     * starts with the file name and names {@code problem}.
     */
    static void assertRejected(Path path, String problem, ThrowingConsumer<Path> read) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> read.accept(path));
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}

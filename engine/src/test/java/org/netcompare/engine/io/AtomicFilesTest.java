package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        return TestFiles.listing(dir);
    }

    @Test
    void replacesTheTargetWhole() throws IOException {
        Path target = dir.resolve("out.bin");
        Files.write(target, new byte[] {9, 9, 9, 9});
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
        AtomicFiles.write(target, out -> {
            out.write(3);
            out.close();
        });
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void failureLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.bin");
        Files.write(target, new byte[] {7});
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(new byte[100_000]);
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            throw new UncheckedIOException(new IOException("x"));
        }));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        assertEquals(List.of(target), listing());

        Path fresh = dir.resolve("never.bin");
        assertThrows(IOException.class, () -> AtomicFiles.write(fresh, out -> {
            throw new IOException("no");
        }));
        assertFalse(Files.exists(fresh));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aMissingDirectoryIsReportedForTheTarget() {
        Path target = dir.resolve("missing").resolve("out.json");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.write(target, out -> out.write(1)));
        assertEquals(target + ": directory " + target.getParent() + " does not exist",
                e.getMessage());
    }
}

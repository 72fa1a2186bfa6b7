package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void replacesAnEarlierOutputWhole() throws IOException {
        Path target = dir.resolve("out");
        AtomicDirectories.write(target, d -> {
            Files.writeString(d.resolve("a.txt"), "1");
            Files.writeString(d.resolve("b.txt"), "1");
        });
        AtomicDirectories.write(target, d -> {
            Files.writeString(d.resolve("a.txt"), "2");
            Files.writeString(d.resolve("b.txt"), "2");
        });
        assertEquals("2", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), entries(dir));
    }

    @Test
    void aFailingBodyLeavesTheTargetAsItWas() throws IOException {
        Path target = dir.resolve("out");
        AtomicDirectories.write(target, d -> Files.writeString(d.resolve("a.txt"), "1"));
        assertThrows(IOException.class, () -> AtomicDirectories.write(target, d -> {
            Files.writeString(d.resolve("a.txt"), "2");
            throw new IOException("disk full");
        }));
        assertEquals("1", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), entries(dir));
    }

    @Test
    void refusesToDeleteFilesItDidNotWrite() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out"));
        Files.writeString(target.resolve("mine.txt"), "keep");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AtomicDirectories.write(target,
                        d -> Files.writeString(d.resolve("a.txt"), "1")));
        assertTrue(refused.getMessage().contains("mine.txt"), refused.getMessage());
        assertEquals(List.of("mine.txt"), entries(target));
        assertEquals(List.of("out"), entries(dir));
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

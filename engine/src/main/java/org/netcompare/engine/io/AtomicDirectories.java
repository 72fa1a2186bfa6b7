package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writing a directory of files so that readers see the old directory or the new one, never a
 * half-written mix: the files go into a temporary sibling directory, which is then renamed onto
 * the target (the old target is first moved aside, then deleted).
 */
public final class AtomicDirectories {

    private AtomicDirectories() {
    }

    /**
     * Runs {@code body} on a fresh temporary directory beside {@code target}, then puts it in
     * place of {@code target}. If the body throws, the temporary directory is deleted and
     * {@code target} is left as it was.
     *
     * @throws IllegalArgumentException if {@code target} exists and is a file, or a directory
     *                                  holding a name the new directory does not (so replacing
     *                                  it would delete something the user put there)
     */
    public static void write(Path target, IOConsumer<Path> body) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(target + ": exists and is not a directory");
        }
        String name = absolute.getFileName().toString();
        Path temporary = freshSibling(parent, name, "tmp");
        try {
            body.accept(temporary);
            if (Files.isDirectory(absolute)) {
                requireReplaceable(target, absolute, temporary);
                Path old = parent.resolve("." + name + ".old-" + uniqueSuffix());
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            } else {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException | Error e) {
            if (Files.exists(temporary)) {
                deleteRecursively(temporary);
            }
            throw e;
        }
    }

    /**
     * A new empty directory beside the target. Made with {@link Files#createDirectory}, not
     * {@code createTempDirectory}, so that it gets the user's default permissions (the umask)
     * rather than owner-only ones, as a directory the user made would.
     */
    private static Path freshSibling(Path parent, String name, String kind) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(parent.resolve("." + name + "." + kind + "-"
                        + uniqueSuffix()));
            } catch (FileAlreadyExistsException taken) {
                // another writer picked the same name in the same nanosecond; take the next
            }
        }
    }

    private static String uniqueSuffix() {
        return ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    }

    private static void requireReplaceable(Path target, Path existing, Path replacement)
            throws IOException {
        Set<String> written = names(replacement);
        for (String name : names(existing)) {
            if (!written.contains(name)) {
                throw new IllegalArgumentException(target + ": exists and holds " + name
                        + ", which this output would delete; choose a new directory");
            }
        }
    }

    private static Set<String> names(Path directory) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    /** Deletes a directory tree (files first, then directories). */
    static void deleteRecursively(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                    throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package org.netcompare.nets.data;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The data shipped in this package's resources, seen as a {@link Path} so that the readers for
 * users' files read it too: a plain directory when running from {@code target/classes}, a
 * directory inside the jar (through the JDK's zip file system, left open for the life of the
 * JVM as the class loader keeps the jar open anyway) when running from a jar.
 */
final class BundledData {

    private BundledData() {
    }

    /**
     * The directory holding the resource {@code directory/file} next to this class.
     *
     * @throws IllegalStateException if the resource is missing: a broken build, not bad input
     */
    static Path directory(String directory, String file) throws IOException {
        String name = directory + "/" + file;
        URL url = BundledData.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("resource " + name + " is missing from the build");
        }
        try {
            return pathOf(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("resource " + url + " has no valid URI", e);
        }
    }

    /** A {@code file:} or {@code jar:file:...!/entry} URI as a path. */
    static synchronized Path pathOf(URI uri) throws IOException {
        if ("jar".equals(uri.getScheme())) {
            try {
                FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException notYetOpen) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException openedElsewhere) {
                    // Another caller outside this class opened it in between: use theirs.
                }
            }
        }
        return Path.of(uri);
    }
}

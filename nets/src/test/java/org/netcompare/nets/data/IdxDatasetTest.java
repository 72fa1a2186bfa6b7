package org.netcompare.nets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.tensor.Tensor;

/** MNIST-layout IDX files written here, read through {@link Mnist} and {@link FashionMnist}. */
class IdxDatasetTest {

    @TempDir
    Path dir;

    private static final int[] LABELS = {3, 0, 9, 3, 7};

    private static void assertImages(Dataset data, int count, int rows, int cols) {
        assertArrayEquals(new int[] {count, 1, rows, cols}, data.images().shape());
        Tensor images = data.images();
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < rows * cols; k++) {
                assertEquals(DataFiles.pixel(i, k) / 255f, images.get(i, 0, k / cols, k % cols),
                        "pixel " + k + " of image " + i);
            }
        }
    }

    @Test
    void readsGzippedAndPlainFilesAsUnitScaledImagesWithLabels() throws IOException {
        DataFiles.writeIdxSplit(dir.resolve("gz"), DatasetSplit.TRAIN, 3, 4, LABELS, true);
        DataFiles.writeIdxSplit(dir.resolve("plain"), DatasetSplit.TEST, 3, 4, LABELS, false);
        for (Dataset data : new Dataset[] {Mnist.load(dir.resolve("gz"), DatasetSplit.TRAIN,
                Dataset.ALL), Mnist.load(dir.resolve("plain"), DatasetSplit.TEST, Dataset.ALL)}) {
            assertImages(data, 5, 3, 4);
            assertArrayEquals(LABELS, data.labels());
            assertEquals(10, data.classes());
            assertEquals("mnist", data.name());
        }
    }

    @Test
    void limitTakesTheFirstImages() throws IOException {
        DataFiles.writeIdxSplit(dir, DatasetSplit.TEST, 2, 2, LABELS, true);
        Dataset data = Mnist.load(dir, DatasetSplit.TEST, 2);
        assertImages(data, 2, 2, 2);
        assertArrayEquals(new int[] {3, 0}, data.labels());
        assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir, DatasetSplit.TEST, 0));
    }

    @Test
    void truncatedImagesAreRejectedNamingTheFile() throws IOException {
        DataFiles.writeIdxSplit(dir, DatasetSplit.TRAIN, 2, 2, LABELS, false);
        Path images = dir.resolve(IdxDataset.imagesName(DatasetSplit.TRAIN));
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length - 3));
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Mnist.load(dir, DatasetSplit.TRAIN, Dataset.ALL));
        assertEquals(images, e.file());
        assertTrue(e.getMessage().startsWith(images + ": "), e.getMessage());

        byte[] gz = DataFiles.gzip(whole);
        Files.delete(images);
        Path gzipped = Files.write(dir.resolve(images.getFileName() + ".gz"),
                Arrays.copyOf(gz, gz.length - 12));
        e = assertThrows(FileFormatException.class,
                () -> Mnist.load(dir, DatasetSplit.TRAIN, Dataset.ALL));
        assertEquals(gzipped, e.file());
    }

    @Test
    void labelCountThatDiffersFromImageCountIsRejected() throws IOException {
        DataFiles.writeIdxSplit(dir, DatasetSplit.TRAIN, 2, 2, LABELS, true);
        Path labels = DataFiles.write(dir, IdxDataset.labelsName(DatasetSplit.TRAIN),
                DataFiles.idx(new int[] {4}, new byte[] {1, 2, 3, 4}), true);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Mnist.load(dir, DatasetSplit.TRAIN, Dataset.ALL));
        assertEquals(labels + ": 4 labels for 5 images in train-images-idx3-ubyte.gz",
                e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        DataFiles.writeIdxSplit(dir, DatasetSplit.TEST, 2, 2, new int[] {1, 10, 2}, false);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Mnist.load(dir, DatasetSplit.TEST, Dataset.ALL));
        assertEquals(dir.resolve("t10k-labels-idx1-ubyte") + ": label 10 of image 1 is outside"
                + " 0..9", e.getMessage());
    }

    @Test
    void imagesThatAreNotThreeDimensionalAreRejected() throws IOException {
        DataFiles.writeIdxSplit(dir, DatasetSplit.TEST, 2, 2, LABELS, false);
        Path images = DataFiles.write(dir, IdxDataset.imagesName(DatasetSplit.TEST),
                DataFiles.idx(new int[] {5, 4}, new byte[20]), false);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Mnist.load(dir, DatasetSplit.TEST, Dataset.ALL));
        assertEquals(images + ": images must be [n, rows, columns], got [5, 4]", e.getMessage());
    }

    @Test
    void missingFilesSayHowToGetThem() throws IOException {
        DataFiles.writeIdxSplit(dir, DatasetSplit.TRAIN, 2, 2, LABELS, true);
        MissingDatasetException e = assertThrows(MissingDatasetException.class,
                () -> FashionMnist.load(dir, DatasetSplit.TEST, Dataset.ALL));
        assertEquals(dir + ": no Fashion-MNIST files (t10k-images-idx3-ubyte.gz and"
                + " t10k-labels-idx1-ubyte.gz, or unzipped); install Debian's"
                + " dataset-fashion-mnist or pass --data DIR holding them", e.getMessage());
        assertEquals(dir, e.directory());
        e = assertThrows(MissingDatasetException.class,
                () -> Mnist.load(dir.resolve("none"), DatasetSplit.TRAIN, Dataset.ALL));
        assertTrue(e.getMessage().startsWith(dir.resolve("none") + ": no MNIST files"
                + " (train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("pass --data DIR"), e.getMessage());
    }

    @Test
    void fashionMnistPrefersTheNamedDirectoryThenDebiansThenTheBundledSubset()
            throws IOException {
        Path named = dir.resolve("named");
        Path debian = dir.resolve("debian");
        DataFiles.writeIdxSplit(named, DatasetSplit.TEST, 2, 2, new int[] {1, 2}, true);
        DataFiles.writeIdxSplit(debian, DatasetSplit.TEST, 2, 2, new int[] {4, 5, 6}, true);

        Dataset fromNamed = FashionMnist.load(named, debian, DatasetSplit.TEST, Dataset.ALL);
        assertArrayEquals(new int[] {1, 2}, fromNamed.labels());
        assertEquals("Fashion-MNIST test set from " + named, fromNamed.source());

        Dataset fromDebian = FashionMnist.load(null, debian, DatasetSplit.TEST, Dataset.ALL);
        assertArrayEquals(new int[] {4, 5, 6}, fromDebian.labels());
        assertTrue(fromDebian.source().contains("Debian dataset-fashion-mnist"));

        Dataset bundled = FashionMnist.load(null, dir.resolve("absent"), DatasetSplit.TEST, 10);
        assertEquals(10, bundled.size());
        assertTrue(bundled.source().startsWith("bundled Fashion-MNIST subset"),
                bundled.source());
    }

    @Test
    void readsFilesInsideAJarThroughTheZipFileSystem() throws IOException {
        Path source = dir.resolve("source");
        DataFiles.writeIdxSplit(source, DatasetSplit.TEST, 2, 3, LABELS, true);
        Path jar = dir.resolve("data.jar");
        try (OutputStream raw = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (String name : new String[] {IdxDataset.imagesName(DatasetSplit.TEST),
                IdxDataset.labelsName(DatasetSplit.TEST)}) {
                zip.putNextEntry(new ZipEntry("org/x/" + name + ".gz"));
                zip.write(Files.readAllBytes(source.resolve(name + ".gz")));
                zip.closeEntry();
            }
        }
        Path inJar = BundledData.pathOf(URI.create("jar:" + jar.toUri() + "!/org/x/"
                + IdxDataset.imagesName(DatasetSplit.TEST) + ".gz")).getParent();
        try {
            Dataset data = IdxDataset.read("x", "jar", inJar, DatasetSplit.TEST, 10,
                    Dataset.ALL);
            assertImages(data, 5, 2, 3);
            assertArrayEquals(LABELS, data.labels());
        } finally {
            inJar.getFileSystem().close();
        }
    }
}

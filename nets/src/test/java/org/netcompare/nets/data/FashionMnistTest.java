package org.netcompare.nets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.io.Idx;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;

/** The subset bundled in the resources, against the files it was cut from. */
class FashionMnistTest {

    private static final Path DEBIAN = Path.of(FashionMnist.DEBIAN_DIRECTORY);
    /** The first 1,000 test images saved as .npy in the repository's examples. */
    private static final Path EXAMPLE = Path.of("..", "examples",
            "fashion-mnist-test-1000.npy");

    @Test
    void bundledSubsetHoldsTwoThousandImagesPerSplitOfEveryClass() throws IOException {
        for (DatasetSplit split : DatasetSplit.values()) {
            Dataset data = FashionMnist.bundled(split, Dataset.ALL);
            assertArrayEquals(new int[] {2000, 1, 28, 28}, data.images().shape());
            assertEquals(10, data.classes());
            for (int c = 0; c < 10; c++) {
                assertTrue(data.classIndices(c).length > 100, split + " class " + c);
            }
            float[] pixels = data.images().data();
            for (float p : pixels) {
                assertTrue(p >= 0 && p <= 1);
            }
            assertEquals(300, FashionMnist.bundled(split, 300).size());
        }
    }

    /** Both come from Debian's files; the .npy went through NumPy, the subset through IDX. */
    @Test
    void bundledTestImagesEqualTheExampleNpy() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(EXAMPLE), "no " + EXAMPLE);
        long[] expected = Npy.read(EXAMPLE).toLongArray();
        float[] pixels = FashionMnist.bundled(DatasetSplit.TEST, 1000).images().data();
        assertEquals(expected.length, pixels.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] / 255f, pixels[i], "pixel " + i);
        }
        long[] labels = Npy.read(EXAMPLE.resolveSibling("fashion-mnist-test-1000-labels.npy"))
                .toLongArray();
        assertArrayEquals(Arrays.stream(labels).mapToInt(l -> (int) l).toArray(),
                FashionMnist.bundled(DatasetSplit.TEST, 1000).labels());
    }

    @Test
    void bundledSubsetIsTheStartOfDebiansFiles() throws IOException {
        if (!IdxDataset.present(DEBIAN, DatasetSplit.TRAIN)
                || !IdxDataset.present(DEBIAN, DatasetSplit.TEST)) {
            String reason = "Debian's dataset-fashion-mnist is not installed (" + DEBIAN
                    + "): bundled subset not compared with it";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        for (DatasetSplit split : DatasetSplit.values()) {
            Dataset bundled = FashionMnist.bundled(split, Dataset.ALL);
            NdArray labels = Idx.read(DEBIAN.resolve(IdxDataset.labelsName(split) + ".gz"));
            assertArrayEquals(Arrays.copyOf(labels.toIntArray(), 2000), bundled.labels(),
                    split + " labels");
            Dataset full = FashionMnist.load(null, split, 2000);
            assertTrue(full.source().contains(DEBIAN.toString()), full.source());
            assertArrayEquals(full.images().data(), bundled.images().data(), split + " images");
            assertEquals(split == DatasetSplit.TRAIN ? 60_000 : 10_000, labels.size());
        }
    }
}

package org.netcompare.nets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void eachNameReachesItsReader() throws IOException {
        DataFiles.writeIdxSplit(dir, DatasetSplit.TEST, 2, 2, new int[] {5, 6}, true);
        Files.write(dir.resolve("test_batch.bin"), new byte[Cifar10.RECORD_BYTES]);
        assertArrayEquals(new int[] {5, 6},
                Datasets.load("mnist", dir, DatasetSplit.TEST, Dataset.ALL).labels());
        assertEquals("fashion-mnist",
                Datasets.load("fashion-mnist", dir, DatasetSplit.TEST, Dataset.ALL).name());
        assertArrayEquals(new int[] {1, 3, 32, 32},
                Datasets.load("cifar10", dir, DatasetSplit.TEST, Dataset.ALL).images().shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("imagenet", dir, DatasetSplit.TEST, Dataset.ALL));
        assertEquals("unknown dataset 'imagenet'; known: fashion-mnist, mnist, cifar10",
                e.getMessage());
    }
}

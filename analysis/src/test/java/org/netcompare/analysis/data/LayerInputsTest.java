package org.netcompare.analysis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.analysis.cli.InvalidInputException;

class LayerInputsTest {

    @TempDir
    Path dir;

    @Test
    void filesAreNamedByTheirStemsInTheGivenOrder() {
        LayerInputs inputs = LayerInputs.ofFiles(List.of(
                Path.of("runs/a/conv1.npy"), Path.of("fc6.npy"), Path.of("raw")));
        assertEquals(List.of("conv1", "fc6", "raw"), inputs.names());
        assertEquals(Path.of("fc6.npy"), inputs.file(1));
        assertEquals(3, inputs.size());
    }

    @Test
    void twoFilesWithOneStemAreRefused() {
        InvalidInputException problem = assertThrows(InvalidInputException.class,
                () -> LayerInputs.ofFiles(List.of(Path.of("a/x.npy"), Path.of("b/x.npy"))));
        assertTrue(problem.getMessage().contains("\"x\""), problem.getMessage());
    }

    @Test
    void directoryIndexGivesNamesAndFilesInNetworkOrder() throws IOException {
        Files.writeString(dir.resolve("layers.json"), "{\"layers\": ["
                + "{\"name\": \"pool2\", \"file\": \"pool2.npy\", \"shape\": [16, 5, 5]},"
                + "{\"name\": \"conv1\", \"file\": \"sub/conv1.npy\"}]}");
        LayerInputs inputs = LayerInputs.ofDirectory(dir);
        assertEquals(List.of("pool2", "conv1"), inputs.names());
        assertEquals(dir.resolve("sub/conv1.npy"), inputs.file(1));
    }

    @Test
    void missingIndexSaysWhatADirectoryShouldHold() {
        InvalidInputException problem = assertThrows(InvalidInputException.class,
                () -> LayerInputs.ofDirectory(dir));
        assertTrue(problem.getMessage().startsWith(dir.resolve("layers.json").toString()),
                problem.getMessage());
        assertTrue(problem.getMessage().contains("netcompare activations"), problem.getMessage());
    }

    @Test
    void missingDirectoryIsReportedAsSuch() {
        assertThrows(NoSuchFileException.class, () -> LayerInputs.ofDirectory(dir.resolve("nope")));
    }

    @Test
    void malformedIndexesAreRefusedNamingTheIndex() throws IOException {
        String index = dir.resolve("layers.json").toString();
        for (String text : List.of("{\"layers\": [", "[]", "{\"layers\": {}}",
                "{\"layers\": [{\"name\": \"a\"}]}", "{\"layers\": []}",
                "{\"layers\": [{\"name\": \"a\", \"file\": \"../a.npy\"}]}",
                "{\"layers\": [{\"name\": \"a\", \"file\": \"a.npy\"},"
                        + " {\"name\": \"a\", \"file\": \"b.npy\"}]}")) {
            Files.writeString(dir.resolve("layers.json"), text);
            InvalidInputException problem = assertThrows(InvalidInputException.class,
                    () -> LayerInputs.ofDirectory(dir), text);
            assertTrue(problem.getMessage().startsWith(index), problem.getMessage());
            assertEquals(1, problem.getMessage().lines().count(), problem.getMessage());
        }
    }
}

package org.adaptivesparse.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The hostile-input suite for the extension: each mistake fails the test with one line naming the
 * attribute or property, the value and the rule; the files it names are left byte for byte.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private Path reports() {
        return tmp.resolve("reports");
    }

    private AstTestKit kit() {
        return AstTestKit.reportingTo(reports());
    }

    @Test
    void unknownDatasetGateAndSelectionNameTheAttribute() {
        assertEquals("@SparseTraining(dataset = \"mnist\") on unknownDataset: dataset 'mnist' is not known; allowed:"
                + " fashion-mnist, cifar10, synthetic, folder, or a class of your project (com.example.Data implementing"
                + " org.adaptivesparse.data.DatasetFactory, or com.example.Datasets#method)", configurationError(kit().run(HostileFixture.class, "unknownDataset")));
        assertEquals("@SparseTraining(gate = \"fuzzy\") on unknownGate: gate 'fuzzy' is not a gate; allowed: hard,"
                + " probabilistic", configurationError(kit().run(HostileFixture.class, "unknownGate")));
        assertEquals("@SparseTraining(selection = \"greedy\") on unknownSelection: selection 'greedy' is not a selection"
                + " mode; allowed: fresh, stale, importance, smallloss, reducible, filter", configurationError(kit().run(HostileFixture.class,
                "unknownSelection")));
    }

    @Test
    void numbersThatAreNotNumbersOrOutOfRangeNameTheProperty() {
        assertEquals("ast.learningRate=fast (configuration parameter or system property) for fine: learningRate 'fast'"
                + " is not a number", configurationError(kit().with("ast.learningRate", "fast")
                        .run(HostileFixture.class, "fine")));
        assertEquals("@SparseTraining(batchSize = 1) on batchOfOne: batchSize 1 is out of range; allowed: 2 or more",
                configurationError(kit().run(HostileFixture.class, "batchOfOne")));
    }

    @Test
    void percentWrittenAsAWholeNumberIsOutOfRange() {
        assertEquals("@SparseTraining(minAccuracy = 85.0) on percentAsNumber: minAccuracy 85.0 is out of range;"
                + " allowed: 0 to 1 (85.0 looks like a percentage: write 0.85 or 85.0%)",
                configurationError(kit().run(HostileFixture.class, "percentAsNumber")));
    }

    @Test
    void baselineThatIsNotJsonIsNamedAndLeftAlone() throws Exception {
        Path baseline = Files.writeString(tmp.resolve("ast-baseline.json"), "<html>502 Bad Gateway</html>\n");
        byte[] before = Files.readAllBytes(baseline);
        String m = configurationError(kit().with("ast.baselineFile", baseline.toString()).run(HostileFixture.class,
                "fine"));
        assertEquals("ast.baselineFile=" + baseline + " (configuration parameter or system property) for fine: "
                + baseline + " is not valid JSON: malformed JSON at line 1 column 12 path $", m);
        assertArrayEquals(before, Files.readAllBytes(baseline));
        assertNothingWritten();
    }

    @Test
    void baselineOfANewerSchemaIsNamed() throws Exception {
        Path baseline = Files.writeString(tmp.resolve("ast-baseline.json"), "{\"schemaVersion\": 7, \"experiments\": {}}");
        String m = configurationError(kit().with("ast.baselineFile", baseline.toString()).run(HostileFixture.class,
                "fine"));
        assertEquals("ast.baselineFile=" + baseline + " (configuration parameter or system property) for fine: "
                + baseline + " has schemaVersion 7, newer than this build reads (2); upgrade AST or regenerate the file", m);
        assertNothingWritten();
    }

    @Test
    void historyOfAnotherShapeIsNamedAndLeftAlone() throws Exception {
        Path history = Files.writeString(tmp.resolve("history.jsonl"), "{\"tests\": 12, \"failures\": 0}\n");
        byte[] before = Files.readAllBytes(history);
        String m = configurationError(kit().with("ast.historyFile", history.toString()).run(HostileFixture.class,
                "fine"));
        assertEquals("ast.historyFile=" + history + " (configuration parameter or system property) for fine: "
                + history + " line 1 is not an AST history entry: it has no 'experiment'; historyFile must name a file"
                + " AST writes (JSON lines), or none yet", m);
        assertArrayEquals(before, Files.readAllBytes(history));
        assertNothingWritten();
    }

    @Test
    void reportsDirectoryThatIsAFileIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("reports"), "not a directory");
        String m = configurationError(kit().run(HostileFixture.class, "fine"));
        assertTrue(m.startsWith("@SparseTraining on fine (reports under " + file + "): output directory "), m);
        assertTrue(m.endsWith(": " + file + " exists and is not a directory"), m);
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void damagedIdxFileIsNamedWithTheDamage() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        writeIdx(data.resolve("train-images-idx3-ubyte"), 0x0804, 20, 28, 28);
        writeIdx(data.resolve("train-labels-idx1-ubyte"), 0x0801, 20);
        writeIdx(data.resolve("t10k-images-idx3-ubyte"), 0x0803, 10, 28, 28);
        writeIdx(data.resolve("t10k-labels-idx1-ubyte"), 0x0801, 10);
        String m = configurationError(kit().with("ast.dataDir", data.toString()).run(HostileFixture.class, "fashion"));
        assertTrue(m.endsWith(": " + data.resolve("train-images-idx3-ubyte") + ": wrong magic number 2052 (0x804),"
                + " expected 2051 (0x803) for an IDX image file"), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void runThatBlowsUpFailsWithoutThresholdsAndKeepsItsReport() throws Exception {
        AstTestKit.Results results = kit().run(HostileFixture.class, "blowsUp");
        Throwable failure = results.onlyFailure();
        assertInstanceOf(AssertionFailedError.class, failure, results.summary());
        String[] lines = failure.getMessage().split("\\R");
        Path dir = reports().resolve(HostileFixture.class.getName()).resolve("blowsUp");
        assertEquals("AST checks have not been met for blowsUp: 1 violation(s). See " + dir.resolve("report.html"),
                lines[0]);
        assertEquals(2, lines.length, failure.getMessage());
        assertTrue(lines[1].matches("AST's training loss exploded: \\d\\.\\de\\+\\d\\d at epoch 1 \\(above 10 x ln 10"
                + " = 23\\.0\\), test accuracy 0\\.\\d{3}; the full control did the same \\(accuracy 0\\.\\d{3}\\);"
                + " lower learningRate"), lines[1]);
        for (String f : List.of("result.json", "report.html", "summary.md")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
    }

    @Test
    void markupInNameAndDescriptionIsEscapedInEveryOutput() throws Exception {
        kit().run(HostileFixture.class, "markup").assertCounts(1, 0);
        Path root = reports().resolve(HostileFixture.class.getName());
        Path dir;
        try (Stream<Path> s = Files.list(root)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("<h1>AST report: &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), report);
        assertTrue(report.contains("&lt;img src=x onerror=alert(2)&gt;"));
        String summary = Files.readString(dir.resolve("summary.md"));
        assertTrue(summary.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), summary);
        String index = Files.readString(reports().resolve("index.html"));
        assertTrue(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), index);
        for (String text : List.of(report, summary, index)) {
            assertFalse(text.contains("<script>") || text.contains("<img"), "raw markup");
        }
    }

    private void assertNothingWritten() throws IOException {
        if (Files.exists(reports())) {
            try (Stream<Path> s = Files.walk(reports())) {
                assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), "files written");
            }
        }
    }

    private static void writeIdx(Path file, int magic, int count, int... dims) throws IOException {
        try (OutputStream o = Files.newOutputStream(file); DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(magic);
            d.writeInt(count);
            int size = 1;
            for (int dim : dims) {
                d.writeInt(dim);
                size *= dim;
            }
            d.write(new byte[count * size]);
        }
    }

    private static String configurationError(AstTestKit.Results results) {
        assertEquals(0, results.tests().succeeded().count(), results.summary());
        Throwable failure = results.onlyFailure();
        assertInstanceOf(ExtensionConfigurationException.class, failure, results.summary());
        assertFalse(failure.getMessage().contains("\n"), failure.getMessage());
        return failure.getMessage();
    }

    @Fixture
    static class HostileFixture {
        @Test
        @SparseTraining(dataset = "mnist")
        void unknownDataset() {
        }

        @Test
        @SparseTraining(gate = "fuzzy")
        void unknownGate() {
        }

        @Test
        @SparseTraining(selection = "greedy")
        void unknownSelection() {
        }

        @Test
        @SparseTraining(minAccuracy = 85)
        void percentAsNumber() {
        }

        @Test
        @SparseTraining(batchSize = 1)
        void batchOfOne() {
        }

        @Test
        @SparseTraining(dataset = "synthetic", limit = 256, testLimit = 128, model = "mlp", epochs = 1)
        void fine() {
        }

        @Test
        @SparseTraining(dataset = "fashion-mnist", allowDownload = "false", limit = 16, testLimit = 8, model = "mlp",
                epochs = 1)
        void fashion() {
        }

        @Test
        @SparseTraining(dataset = "synthetic", limit = 256, testLimit = 128, model = "mlp", epochs = 1,
                learningRate = 10, controls = "full")
        void blowsUp() {
        }

        @Test
        @SparseTraining(name = "<script>alert(1)</script>", description = "<img src=x onerror=alert(2)>",
                dataset = "synthetic", limit = 256, testLimit = 128, model = "mlp", epochs = 1, controls = "full")
        void markup() {
        }
    }
}

package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.ResultFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path dir;

    @Test
    void appendsAndReadsBack() throws Exception {
        Path file = dir.resolve("deep/history.jsonl");
        HistoryEntry a = History.append(file, ReportFixtures.passing("cnn"), Instant.parse("2025-01-01T10:00:00.5Z"));
        HistoryEntry b = History.append(file, ResultFixture.result().withoutFull().build(),
                Instant.parse("2025-01-02T10:00:00Z"));
        assertEquals(List.of(a, b), History.read(file));
        assertEquals(2, Files.readAllLines(file).size());
        assertTrue(Files.readAllLines(file).get(0).startsWith("{\"schemaVersion\":3,"), Files.readAllLines(file).get(0));
        assertEquals(new HistoryEntry(3, "2025-01-01T10:00:00Z", "cnn", "abc1234", 0.85, a.activation(),
                a.modeledSavings(), 2.0, true, null, null, a.selectionLift(), a.environment(), a.settings()), a);
        assertEquals(ReportFixtures.passing("cnn").environment().fingerprint(), a.environment());
        assertEquals(null, b.speedupVsFull());
        assertEquals(null, b.passed());
    }

    @Test
    void missingFileIsEmptyHistory() {
        assertEquals(List.of(), History.read(dir.resolve("none.jsonl")));
    }

    @Test
    void malformedLineNamesFileAndLine() throws Exception {
        Path file = dir.resolve("history.jsonl");
        History.append(file, ReportFixtures.passing("cnn"));
        Files.writeString(file, "{broken\n", java.nio.file.StandardOpenOption.APPEND);
        AstFileException e = assertThrows(AstFileException.class, () -> History.read(file));
        assertTrue(e.getMessage().startsWith(file + " line 2 is not valid JSON: "), e.getMessage());
    }

    @Test
    void lastKeepsOnlyThisExperimentsNewest() {
        Path file = dir.resolve("h.jsonl");
        for (int i = 0; i < 5; i++) {
            History.append(file, ResultFixture.result().name(i % 2 == 0 ? "cnn" : "mlp").build(),
                    Instant.ofEpochSecond(i));
        }
        List<HistoryEntry> last = History.last(History.read(file), "cnn", 2);
        assertEquals(List.of("1970-01-01T00:00:02Z", "1970-01-01T00:00:04Z"),
                last.stream().map(HistoryEntry::timestamp).toList());
    }

    @Test
    void linesWithoutASchemaVersionReadAsVersionOneAndNewerVersionsAreRefused() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"experiment\":\"cnn\",\"gitCommit\":null,"
                + "\"accuracy\":0.8,\"activation\":0.1,\"modeledSavings\":0.89,\"speedupVsFull\":null,\"passed\":true}\n");
        History.append(file, ReportFixtures.passing("cnn"), Instant.parse("2025-01-01T10:00:00Z"));
        List<HistoryEntry> read = History.read(file);
        assertEquals(List.of(1, 3), read.stream().map(HistoryEntry::schemaVersion).toList());
        assertEquals(0.8, read.get(0).accuracy(), 1e-12);

        Files.writeString(file, "{\"schemaVersion\":9,\"experiment\":\"cnn\",\"accuracy\":0.8}\n",
                java.nio.file.StandardOpenOption.APPEND);
        AstFileException e = assertThrows(AstFileException.class, () -> History.read(file));
        assertEquals(file + " line 3 has schemaVersion 9, newer than this build reads (3); upgrade AST or start a new"
                + " history file", e.getMessage());
    }

    @Test
    void eachEnvironmentIsASeriesOfItsOwnAndOlderLinesBelongToNone() throws Exception {
        Path file = dir.resolve("history.jsonl");
        // a version 2 line of the same experiment: no environment, so in no series
        Files.writeString(file, "{\"schemaVersion\":2,\"timestamp\":\"2025-01-01T00:00:00Z\",\"experiment\":\"cnn\","
                + "\"accuracy\":0.5,\"activation\":0.1,\"modeledSavings\":0.8}\n");
        var here = ResultFixture.deterministicEnvironment("sha256:aaaaaaaaaaaa");
        var there = ResultFixture.deterministicEnvironment("sha256:bbbbbbbbbbbb");
        for (double acc : new double[] {0.80, 0.81, 0.82}) {
            History.append(file, ResultFixture.result().name("cnn").environment(here).astAccuracy(0.5, 0.6, acc).build());
        }
        History.append(file, ResultFixture.result().name("cnn").environment(there).astAccuracy(0.5, 0.6, 0.6).build());
        History.append(file, ResultFixture.result().name("mlp").environment(here).build());
        List<HistoryEntry> all = History.read(file);
        var now = ResultFixture.result().name("cnn").environment(here).build();
        var series = History.series(all, now, 10);
        assertEquals(List.of(0.80, 0.81, 0.82), series.accuracy());
        assertEquals(List.of(0.81, 0.82), History.series(all, now, 2).accuracy());
        assertEquals(List.of(0.6), History.series(all, ResultFixture.result().name("cnn").environment(there).build(), 10)
                .accuracy());
        assertTrue(series.name().contains("sha256:aaaaaaaaaaaa"), series.name());
        // other settings are another series too
        assertEquals(List.of(), History.series(all, ResultFixture.result().name("cnn").environment(here)
                .settings(java.util.Map.of("epochs", 9)).build(), 10).accuracy());
    }
}

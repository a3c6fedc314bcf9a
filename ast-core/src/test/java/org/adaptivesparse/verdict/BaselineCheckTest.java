package org.adaptivesparse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.Violation;
import org.adaptivesparse.verdict.BaselineCheck.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCheckTest {
    @TempDir
    Path dir;

    private Path baselineOf(ExperimentResult r) {
        Path file = dir.resolve("ast-baseline.json");
        Baseline.write(file, r);
        return file;
    }

    private static List<String> messages(Outcome o) {
        return o.violations().stream().map(Violation::message).toList();
    }

    @Test
    void equalRunPasses() {
        ExperimentResult r = ResultFixture.result().build();
        Outcome o = BaselineCheck.compare(baselineOf(r), r, 0.02, 0.02, 0.25);
        assertEquals(List.of(), o.violations());
        assertEquals("compared", o.comparison().status());
        assertEquals(List.of("accuracy", "activation", "modeledSavings", "speedupVsFull", "accuracyDeltaVsFull"),
                o.comparison().deltas().stream().map(BaselineComparison.Delta::metric).toList());
        o.comparison().deltas().forEach(d -> assertEquals(0.0, d.delta(), 1e-12, d.metric()));
    }

    @Test
    void betterRunPasses() {
        Path file = baselineOf(ResultFixture.result().build());
        ExperimentResult better = ResultFixture.result().astAccuracy(0.7, 0.8, 0.9).astSeconds(3, 3, 3).build();
        Outcome o = BaselineCheck.compare(file, better, 0.02, 0.02, 0.25);
        assertEquals(List.of(), o.violations());
        assertTrue(o.comparison().deltas().get(0).delta() > 0);
        assertFalse(o.comparison().deltas().stream().anyMatch(BaselineComparison.Delta::regressed));
    }

    @Test
    void worseAccuracyAndSpeedupRegress() {
        Path file = baselineOf(ResultFixture.result().astAccuracy(0.7, 0.8, 0.871).build());
        ExperimentResult worse = ResultFixture.result().astAccuracy(0.7, 0.8, 0.842).astSeconds(6, 6, 6).build();
        Outcome o = BaselineCheck.compare(file, worse, 0.02, 0.02, 0.2);
        assertEquals(List.of(
                "accuracy 0.842 regressed from baseline 0.871 by 0.029, more than maxAccuracyDrop 0.020 (" + file + ")",
                "measured speedup 1.33x regressed from baseline 2.00x by 0.333 (relative), more than maxSpeedupDrop"
                        + " 0.200 (" + file + ")"),
                messages(o));
        assertTrue(o.comparison().deltas().get(0).regressed());
    }

    @Test
    void worseSavingsRegress() {
        Path file = baselineOf(ResultFixture.result().build());
        ExperimentResult worse = ResultFixture.result().astActivation(0.2, 0.2, 0.2).build();
        Outcome o = BaselineCheck.compare(file, worse, 0.02, 0.02, 0.25);
        assertEquals(List.of("modeled savings 0.792 regressed from baseline 0.883 by 0.091, more than maxSavingsDrop"
                + " 0.020 (" + file + ")"), messages(o));
    }

    @Test
    void differentSettingsAreNotComparable() {
        Path file = baselineOf(ResultFixture.result().build());
        ExperimentResult other = ResultFixture.result().target(0.2).build();
        Outcome o = BaselineCheck.compare(file, other, 0.02, 0.02, 0.25);
        assertEquals("not-comparable", o.comparison().status());
        assertEquals("settings differ (targetActivation: baseline 0.1, current 0.2)", o.comparison().reason());
        assertEquals(List.of("baseline " + file + " for experiment 'cnn' is not comparable: settings differ"
                + " (targetActivation: baseline 0.1, current 0.2); regenerate it with ast:baseline (or Baseline.write)"
                + " from an accepted run"), messages(o));
    }

    @Test
    void missingFileSaysHowToCreateIt() {
        Path file = dir.resolve("ast-baseline.json");
        Outcome o = BaselineCheck.compare(file, ResultFixture.result().build(), 0.02, 0.02, 0.25);
        assertEquals("missing", o.comparison().status());
        assertEquals(List.of("baseline file " + file + " does not exist; create it with mvn ast:baseline"
                + " (or Baseline.write) from an accepted run"), messages(o));
    }

    @Test
    void missingExperimentSaysWhichExist() {
        Path file = baselineOf(ResultFixture.result().name("mlp").build());
        Outcome o = BaselineCheck.compare(file, ResultFixture.result().build(), 0.02, 0.02, 0.25);
        assertEquals("missing", o.comparison().status());
        assertEquals(List.of("baseline file " + file + " has no entry for experiment 'cnn' (it has: mlp); create it"
                + " with mvn ast:baseline (or Baseline.write) from an accepted run"), messages(o));
    }

    @Test
    void malformedBaselineNamesTheFile() throws Exception {
        Path file = dir.resolve("ast-baseline.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"experiments\": {\"cnn\": [}");
        AstFileException e = assertThrows(AstFileException.class,
                () -> BaselineCheck.compare(file, ResultFixture.result().build(), 0.02, 0.02, 0.25));
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON: "), e.getMessage());
        assertThrows(AstFileException.class, () -> Baseline.write(file, ResultFixture.result().build()));
        assertEquals("{\"schemaVersion\": 1, \"experiments\": {\"cnn\": [}", Files.readString(file),
                "a malformed baseline is left untouched");
    }

    @Test
    void writingOneEntryKeepsTheOthers() {
        Path file = dir.resolve("sub/dir/ast-baseline.json");
        Baseline.Entry mlp = Baseline.write(file, ResultFixture.result().name("mlp").build(),
                Instant.parse("2025-01-01T00:00:00Z"));
        Baseline.write(file, ResultFixture.result().name("cnn").build());
        Baseline.Entry cnn2 = Baseline.write(file, ResultFixture.result().name("cnn").astAccuracy(0.7, 0.8, 0.9).build());
        Baseline b = Baseline.read(file);
        assertEquals(Set.of("cnn", "mlp"), b.experiments().keySet());
        assertEquals(mlp, b.entry("mlp").orElseThrow());
        assertEquals(cnn2, b.entry("cnn").orElseThrow());
        assertEquals(0.9, b.entry("cnn").orElseThrow().accuracy());
    }

    @Test
    void baselineRoundTrips() {
        Path file = dir.resolve("ast-baseline.json");
        ExperimentResult r = ResultFixture.result().withoutFull().build();
        Baseline.Entry e = Baseline.write(file, r, Instant.parse("2025-06-01T12:00:00.123Z"));
        assertEquals(new Baseline(1, Map.of("cnn", e)), Baseline.read(file));
        assertEquals("2025-06-01T12:00:00Z", e.createdAt());
        assertNull(e.speedupVsFull());
    }

    @Test
    void newerBaselineSchemaIsRejected() throws Exception {
        Path file = dir.resolve("ast-baseline.json");
        Files.writeString(file, "{\"schemaVersion\": 2, \"experiments\": {}}");
        AstFileException e = assertThrows(AstFileException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().startsWith(file + " has schemaVersion 2, newer than this build reads (1)"));
    }

    @Test
    void aBaselineWriteThatFailsMidwayLeavesTheCommittedFileByteForByte() throws Exception {
        Path file = baselineOf(ResultFixture.result().build());
        byte[] before = Files.readAllBytes(file);
        // an experiment name that cannot be encoded fails after the old entries were read and merged
        ExperimentResult unwritable = ResultFixture.result().name("bad\uD800").build();
        assertThrows(AstFileException.class, () -> Baseline.write(file, unwritable));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "baseline unchanged");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("ast-baseline.json"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void foreignAndNewerBaselinesAreNamedAsSuch() throws Exception {
        Path file = dir.resolve("ast-baseline.json");
        Files.writeString(file, "{\"name\": \"package.json\", \"version\": \"1.0.0\"}");
        assertEquals(file + " has no schemaVersion; it was not written by AST",
                assertThrows(AstFileException.class, () -> Baseline.read(file)).getMessage());
        Files.writeString(file, "{\"schemaVersion\": 2, \"experiments\": {}}");
        assertEquals(file + " has schemaVersion 2, newer than this build reads (1); upgrade AST or regenerate the file",
                assertThrows(AstFileException.class, () -> Baseline.read(file)).getMessage());
        Files.writeString(file, "{\"schemaVersion\": 1, \"experiments\": [1, 2]}");
        assertEquals(file + " is not a valid AST baseline: 'experiments' should be an object of entries by experiment"
                + " name, but it is an array", assertThrows(AstFileException.class, () -> Baseline.read(file)).getMessage());
        Files.writeString(file, "{\"schemaVersion\": 1, \"experiments\": {\"mlp\": 0.85}}");
        assertEquals(file + " is not a valid AST baseline: experiment 'mlp' should be an object, but it is 0.85",
                assertThrows(AstFileException.class, () -> Baseline.read(file)).getMessage());
    }
}

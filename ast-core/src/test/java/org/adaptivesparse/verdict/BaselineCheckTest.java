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
        assertEquals(List.of("accuracy", "activation", "modeledSavings", "speedupVsFull", "accuracyDeltaVsFull",
                "samplesSeen"),
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
    void rewritingASweepDropsThePointsItNoLongerMeasuresAndKeepsOtherExperiments() {
        Path file = dir.resolve("ast-baseline.json");
        Baseline.write(file, ResultFixture.result().name("mlp").build());
        Baseline.write(file, ResultFixture.result().name("mlp-sweep").build());
        assertEquals(List.of("mlp-sweep"), Baseline.writeExperiment(file,
                ResultFixture.result().name("mlp-sweep").sweep(0.1, 0.3, 0.5).build()));
        assertEquals(Set.of("mlp", "mlp-sweep@10%", "mlp-sweep@30%", "mlp-sweep@50%"),
                Baseline.read(file).experiments().keySet(), "the plain entry of a now-swept experiment is gone");

        List<String> removed = Baseline.writeExperiment(file,
                ResultFixture.result().name("mlp-sweep").sweep(0.1, 0.5).build());
        assertEquals(List.of("mlp-sweep@30%"), removed);
        assertEquals(Set.of("mlp", "mlp-sweep@10%", "mlp-sweep@50%"), Baseline.read(file).experiments().keySet(),
                "'mlp' only shares a prefix with 'mlp-sweep' and is kept");
    }

    @Test
    void baselineRoundTrips() {
        Path file = dir.resolve("ast-baseline.json");
        ExperimentResult r = ResultFixture.result().withoutFull().build();
        Baseline.Entry e = Baseline.write(file, r, Instant.parse("2025-06-01T12:00:00.123Z"));
        assertEquals(new Baseline(Baseline.SCHEMA_VERSION, Map.of("cnn", e)), Baseline.read(file));
        assertEquals("2025-06-01T12:00:00Z", e.createdAt());
        assertNull(e.speedupVsFull());
    }

    @Test
    void newerBaselineSchemaIsRejected() throws Exception {
        Path file = dir.resolve("ast-baseline.json");
        Files.writeString(file, "{\"schemaVersion\": 3, \"experiments\": {}}");
        AstFileException e = assertThrows(AstFileException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().startsWith(file + " has schemaVersion 3, newer than this build reads (2)"));
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
        Files.writeString(file, "{\"schemaVersion\": 3, \"experiments\": {}}");
        assertEquals(file + " has schemaVersion 3, newer than this build reads (2); upgrade AST or regenerate the file",
                assertThrows(AstFileException.class, () -> Baseline.read(file)).getMessage());
        Files.writeString(file, "{\"schemaVersion\": 1, \"experiments\": [1, 2]}");
        assertEquals(file + " is not a valid AST baseline: 'experiments' should be an object of entries by experiment"
                + " name, but it is an array", assertThrows(AstFileException.class, () -> Baseline.read(file)).getMessage());
        Files.writeString(file, "{\"schemaVersion\": 1, \"experiments\": {\"mlp\": 0.85}}");
        assertEquals(file + " is not a valid AST baseline: experiment 'mlp' should be an object, but it is 0.85",
                assertThrows(AstFileException.class, () -> Baseline.read(file)).getMessage());
    }

    @Test
    void aDropOfTheMeanBeyondTheToleranceIsARegressionWhenTheSeedsNoiseDoesNotExplainIt() {
        // baseline seeds end at 0.850, 0.849, 0.848 (mean 0.849, sd 0.001): the noise explains 0.002 at most
        Path file = baselineOf(ResultFixture.result().seeds(42, 43, 44).build());
        ExperimentResult within = ResultFixture.result().seeds(42, 43, 44).astAccuracy(0.7, 0.8, 0.8305).build();
        Outcome ok = BaselineCheck.compare(file, within, 0.02, 0.02, 0.25);
        assertEquals(List.of(), ok.violations());
        assertEquals("mean at least the baseline's mean 0.849 − maxAccuracyDrop 0.020",
                ok.comparison().deltas().get(0).tolerance());
        ExperimentResult below = ResultFixture.result().seeds(42, 43, 44).astAccuracy(0.7, 0.8, 0.826).build();
        Outcome bad = BaselineCheck.compare(file, below, 0.02, 0.02, 0.25);
        assertEquals(List.of("accuracy 0.825 (mean of 3 seeds, 0.824 to 0.826) fell 0.024 below the baseline's mean"
                + " 0.849 (3 seeds, 0.848 to 0.850), more than maxAccuracyDrop 0.020, and more than the seeds' own"
                + " noise explains (detectable drop 0.002) (" + file + ")"), messages(bad));
    }

    @Test
    void manySpreadOutSeedsFlagADropTheirLowestSeedWouldHide() {
        // ten seeds 0.03 apart at most (sd 0.010): the lowest is 0.835, far below the mean 0.850
        double[] spread = {0.015, -0.015, 0.010, -0.010, 0.005, -0.005, 0.012, -0.012, 0.0, 0.0};
        long[] seeds = {42, 43, 44, 45, 46, 47, 48, 49, 50, 51};
        Path file = baselineOf(ResultFixture.result().seeds(seeds).seedShifts(spread).build());
        double[] fell = java.util.Arrays.stream(spread).map(v -> v - 0.025).toArray();
        Outcome o = BaselineCheck.compare(file, ResultFixture.result().seeds(seeds).seedShifts(fell).build(), 0.02,
                0.02, 0.25);
        // a floor at the lowest seed less the tolerance (0.815) would pass the mean 0.825; this rule does not
        List<String> found = messages(o);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("accuracy 0.825 (mean of 10 seeds, 0.810 to 0.840) fell 0.025 below the"
                + " baseline's mean 0.850 (10 seeds, 0.835 to 0.865), more than maxAccuracyDrop 0.020, and more than"
                + " the seeds' own noise explains (detectable drop 0.008)"), found.get(0));
        org.adaptivesparse.result.Detectable d = check(o, "maxAccuracyDrop").detectable();
        // t(0.95, 18) 1.734 x sd 0.00992 x sqrt(2/10)
        assertEquals(1.734 * DetectableDropSd.of(spread) * Math.sqrt(0.2), d.drop(), 1e-4);
        assertEquals(0.850 - 0.020, check(o, "maxAccuracyDrop").limit(), 1e-9);
    }

    @Test
    void whenTheSeedsNoiseIsWiderThanTheToleranceTheFloorFollowsTheNoise() {
        // two seeds on each side, 0.10 apart: the noise explains 0.146 or so, far more than 0.02
        Path file = baselineOf(ResultFixture.result().seeds(42, 43).seedShifts(0.05, -0.05).build());
        Outcome noise = BaselineCheck.compare(file, ResultFixture.result().seeds(42, 43).seedShifts(0.0, -0.08)
                .build(), 0.02, 0.02, 0.25);
        assertEquals(List.of(), messages(noise));
        double d = check(noise, "maxAccuracyDrop").detectable().drop();
        assertTrue(d > 0.1, "detectable drop " + d);
        assertEquals("mean at least the baseline's mean 0.850 − " + Fmt.ratio(d) + " (the detectable drop, larger than"
                + " maxAccuracyDrop 0.020)", noise.comparison().deltas().get(0).tolerance());
        Outcome collapsed = BaselineCheck.compare(file, ResultFixture.result().seeds(42, 43).seedShifts(-0.5, -0.55)
                .build(), 0.02, 0.02, 0.25);
        assertEquals(List.of("accuracy 0.325 (mean of 2 seeds, 0.300 to 0.350) fell 0.525 below the baseline's mean"
                + " 0.850 (2 seeds, 0.800 to 0.900), more than the detectable drop " + Fmt.ratio(check(collapsed,
                        "maxAccuracyDrop").detectable().drop()) + " (which is larger than maxAccuracyDrop 0.020): the"
                + " seeds' own noise does not explain it (" + file + ")"), messages(collapsed));
    }

    /**
     * The rule's error rates, on seeds drawn from a normal distribution (a fixed generator, so the counts
     * are the same on every run): with an unchanged figure the seeds' noise alone raises an alarm about one
     * time in twenty when it sets the floor, and almost never when the tolerance is twice the noise; a
     * drop of the tolerance plus twice the standard error of the means is caught nineteen times in twenty.
     */
    @Test
    void theRulesFalseAlarmsAndCatchesOverSeedsDrawnFromANormalDistribution() {
        java.util.Random rng = new java.util.Random(20261208L);
        int trials = 4000;
        double sd = 0.02;
        int n = 10;
        int noiseSetsTheFloor = 0;
        int toleranceSetsIt = 0;
        int caught = 0;
        int halfCaught = 0;
        double se = sd * Math.sqrt(2.0 / n);
        for (int t = 0; t < trials; t++) {
            double[] before = draw(rng, 0.80, sd, n);
            double[] same = draw(rng, 0.80, sd, n);
            noiseSetsTheFloor += BaselineCheck.regressesAcrossEnvironments(before, same, 0.001) ? 1 : 0;
            toleranceSetsIt += BaselineCheck.regressesAcrossEnvironments(before, same, 0.03) ? 1 : 0;
            caught += BaselineCheck.regressesAcrossEnvironments(before, draw(rng, 0.80 - 0.03 - 2 * se, sd, n), 0.03)
                    ? 1 : 0;
            halfCaught += BaselineCheck.regressesAcrossEnvironments(before, draw(rng, 0.77, sd, n), 0.03) ? 1 : 0;
        }
        double falseAlarms = noiseSetsTheFloor / (double) trials;
        assertTrue(falseAlarms > 0.035 && falseAlarms < 0.065, "false alarms where the noise sets the floor: "
                + falseAlarms);
        assertTrue(toleranceSetsIt / (double) trials < 0.002, "false alarms at tolerance 0.03: " + toleranceSetsIt);
        assertTrue(caught / (double) trials > 0.95, "drops of 0.03 + 2 se caught: " + caught);
        // a drop of exactly the tolerance sits on the floor: caught about half the time
        assertTrue(halfCaught / (double) trials > 0.4 && halfCaught / (double) trials < 0.6, "drops of 0.03 caught: "
                + halfCaught);
    }

    private static double[] draw(java.util.Random rng, double mean, double sd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * rng.nextGaussian();
        }
        return v;
    }

    /** The sample standard deviation, written out here so the test does not lean on the code it checks. */
    private static final class DetectableDropSd {
        static double of(double[] v) {
            double m = java.util.Arrays.stream(v).average().orElseThrow();
            return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
        }
    }

    @Test
    void aVersionOneBaselineOfOneSeedStillLoadsAndCompares() throws Exception {
        Path file = dir.resolve("ast-baseline.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"experiments\": {\"cnn\": {\"experiment\": \"cnn\","
                + " \"createdAt\": \"2025-06-01T12:00:00Z\", \"settings\": "
                + com.google.gson.JsonParser.parseString(new com.google.gson.Gson().toJson(
                        org.adaptivesparse.result.SettingValues.normalize(ResultFixture.result().build().settings())))
                + ", \"accuracy\": 0.9, \"activation\": 0.1, \"modeledSavings\": 0.88}}}");
        Outcome o = BaselineCheck.compare(file, ResultFixture.result().build(), 0.02, 0.02, 0.25);
        assertEquals("compared", o.comparison().status());
        assertEquals(List.of("accuracy 0.850 regressed from baseline 0.900 by 0.050, more than maxAccuracyDrop 0.020 ("
                + file + ")"), messages(o));
        assertTrue(o.comparison().reason().startsWith("the baseline does not record where it was made"),
                o.comparison().reason());
    }

    @Test
    void inItsOwnEnvironmentEverySeedMustReproduceEitherWay() {
        var here = ResultFixture.deterministicEnvironment("sha256:aaaaaaaaaaaa");
        Path file = baselineOf(ResultFixture.result().seeds(42, 43).environment(here).build());
        ExperimentResult same = ResultFixture.result().seeds(42, 43).environment(here).build();
        Outcome o = BaselineCheck.compare(file, same, 0.02, 0.02, 0.25);
        assertEquals(List.of(), o.violations());
        assertTrue(o.comparison().reason().startsWith("same environment as the baseline"), o.comparison().reason());
        assertTrue(o.checks().stream().anyMatch(c -> c.rule().equals("sameEnvironmentTolerance") && c.held()));

        // better by 0.01: inside maxAccuracyDrop, but runs here reproduce bit for bit, so it is a finding
        ExperimentResult better = ResultFixture.result().seeds(42, 43).environment(here).astAccuracy(0.7, 0.8, 0.86)
                .build();
        List<String> found = messages(BaselineCheck.compare(file, better, 0.02, 0.02, 0.25));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("accuracy changed in the baseline's own environment, where runs reproduce:"
                + " seed 42 0.850 → 0.860 (+0.010), seed 43 0.849 → 0.859 (+0.010), more than"
                + " sameEnvironmentTolerance 0.005 either way"), found.get(0));

        // on other CPU flags the same change is only compared with the noise-aware rule
        ExperimentResult elsewhere = ResultFixture.result().seeds(42, 43)
                .environment(ResultFixture.deterministicEnvironment("sha256:bbbbbbbbbbbb")).astAccuracy(0.7, 0.8, 0.86)
                .build();
        Outcome other = BaselineCheck.compare(file, elsewhere, 0.02, 0.02, 0.25);
        assertEquals(List.of(), other.violations());
        assertEquals("different environment (cpuFlags sha256:aaaaaaaaaaaa in the baseline, sha256:bbbbbbbbbbbb here):"
                + " noise-aware rule only", other.comparison().reason());
    }

    @Test
    void aChangeInTheWorkDoneIsFoundWhateverTheEnvironment() {
        Path file = baselineOf(ResultFixture.result().build());
        ExperimentResult half = ResultFixture.result().samplesPerEpoch(500).build();
        List<String> found = messages(BaselineCheck.compare(file, half, 0.02, 0.02, 0.25));
        assertEquals(List.of("the work done changed with unchanged settings: AST saw 1,500 samples (baseline 3,000) on"
                + " seed 42; full saw 1,500 samples (baseline 3,000) on seed 42; full trained 1,500 (baseline 3,000) on"
                + " seed 42; random saw 1,500 samples (baseline 3,000) on seed 42; random trained 150 (baseline 300) on"
                + " seed 42; the engine now trains a different amount of data (" + file + ")"), found);
    }

    @Test
    void aSelectionLiftFarBelowTheBaselinesIsARegression() {
        Path file = baselineOf(ResultFixture.result().seeds(42, 43).astSelectionLift(2.0).build());
        assertEquals(List.of(), messages(BaselineCheck.compare(file,
                ResultFixture.result().seeds(42, 43).astSelectionLift(1.6).build(), 0.02, 0.02, 0.25)));
        List<String> found = messages(BaselineCheck.compare(file,
                ResultFixture.result().seeds(42, 43).astSelectionLift(1.02).build(), 0.02, 0.02, 0.25));
        assertEquals(List.of("selection lift 1.02 (mean of 2 seeds, each 1.02) fell below 1.50, the baseline's mean 2.00"
                + " (2 seeds, each 2.00) less maxSelectionLiftDrop 0.250 of it: AST's trained samples no longer have"
                + " the high losses they had (random selection gets about 1.00); check the scorer (" + file + ")"),
                found);
    }

    private static org.adaptivesparse.result.Verdict judged(BaselineRules rules, ExperimentResult r) {
        return Verdicts.evaluate(List.of(), new LimitCheck.Context(0.1, 0, null), rules, r);
    }

    private static org.adaptivesparse.result.Check check(Outcome o, String rule) {
        return o.checks().stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void everyNoiseAwareCheckStatesItsDetectableDropAndTheSeedsThatWouldSeeTheTolerance() {
        // seeds 42, 43 end at 0.850 and 0.849 on both sides: sd sqrt(0.0000005), t(0.95, 2) = 2.920
        Path file = baselineOf(ResultFixture.result().seeds(42, 43).build());
        ExperimentResult now = ResultFixture.result().seeds(42, 43).build();
        Outcome o = BaselineCheck.compare(new BaselineRules(file, 0.001, 0.02, 0.25, 0.25, 0.005), now);
        assertEquals(List.of(), o.violations());
        org.adaptivesparse.result.Detectable d = check(o, "maxAccuracyDrop").detectable();
        assertEquals(2.9200 * Math.sqrt(0.0000005), d.drop(), 1e-6);
        assertTrue(d.blind());
        // 4 seeds on each side: t(0.95, 6) 1.943 x 0.000707 x sqrt(1/2) = 0.00097, under 0.001; 3 give 0.00123
        assertEquals(4, d.seedsNeeded());
        assertEquals("accuracy: detectable drop 0.002 here (one-sided t at 95 %, 2 + 2 seeds, sd 0.001), larger than"
                + " maxAccuracyDrop 0.001; with 4 seeds: 0.001", d.text());
        assertEquals("passed, but this gate could not see a drop smaller than 0.002 (maxAccuracyDrop 0.001)",
                d.meaning(true));
        // modeled savings are equal on every seed: any drop beyond the tolerance shows
        org.adaptivesparse.result.Detectable savings = check(o, "maxSavingsDrop").detectable();
        assertEquals(0, savings.drop(), 1e-12);
        assertFalse(savings.blind());
        assertEquals("passed, and a drop of more than 0.020 would have been flagged (maxSavingsDrop 0.020; detectable drop"
                + " 0.000)", savings.meaning(true));

        org.adaptivesparse.result.Verdict refused = judged(new BaselineRules(file, 0.001, 0.02, 0.25, 0.25, 0.005,
                true), now);
        assertEquals(List.of("refuseBlindGate: accuracy's detectable drop 0.002 (one-sided t at 95 %, 2 + 2 seeds) is"
                + " larger than maxAccuracyDrop 0.001, so this gate cannot see a drop of that size; use " + Sight.REMEDY
                + " (4 seeds would see 0.001)"), refused.violations().stream().map(Violation::message).toList());
        // at the default tolerance the same seeds see a drop of 0.020: the gate is not blind
        org.adaptivesparse.result.Verdict seeing = judged(new BaselineRules(file, 0.02, 0.02, 0.25, 0.25, 0.005, true),
                now);
        assertEquals(List.of(), seeing.violations());
        assertTrue(seeing.checks().stream().filter(c -> c.rule().equals("refuseBlindGate"))
                .allMatch(org.adaptivesparse.result.Check::held));
        assertEquals(List.of("accuracy", "modeledSavings", "speedupVsFull"), seeing.checks().stream()
                .filter(c -> c.rule().equals("refuseBlindGate")).map(org.adaptivesparse.result.Check::metric).toList());
    }

    @Test
    void aDetectableDropJustAboveItsToleranceIsNeverPrintedAsEqualToIt() {
        double[] before = {0.70, 0.74, 0.78, 0.72, 0.76};
        double[] now = {0.71, 0.75, 0.77, 0.73, 0.69};
        double drop = Sight.twoSample("accuracy", org.adaptivesparse.result.Detectable.RATIO, before, now, Double.NaN,
                "maxAccuracyDrop").drop();
        double tol = Math.round(drop * 1000) / 1000.0 - (Math.round(drop * 1000) / 1000.0 > drop ? 0.0004 : 0.0);
        org.adaptivesparse.result.Detectable d = Sight.twoSample("accuracy", org.adaptivesparse.result.Detectable.RATIO,
                before, now, tol, "maxAccuracyDrop");
        assertTrue(d.blind());
        String fine = String.format(java.util.Locale.ROOT, "%.4f", drop);
        assertTrue(d.text().startsWith("accuracy: detectable drop " + fine + " here"), d.text());
        assertTrue(d.text().contains("larger than maxAccuracyDrop " + Fmt.ratio(tol)), d.text());
        assertTrue(Sight.blindMessage(d).startsWith("refuseBlindGate: accuracy's detectable drop " + fine + " ("),
                Sight.blindMessage(d));
    }

    @Test
    void oneSeedOnEachSideCannotEstimateItsNoiseAndARefusingGateSaysSo() {
        Path file = baselineOf(ResultFixture.result().build());
        org.adaptivesparse.result.Verdict o = judged(new BaselineRules(file, 0.02, 0.02, 0.25, 0.25, 0.005, true),
                ResultFixture.result().build());
        assertEquals("accuracy: detectable drop unknown here (1 + 1 seeds: no spread to estimate the noise from; run 2"
                + " or more seeds)", o.checks().stream().filter(c -> c.rule().equals("maxAccuracyDrop")).findFirst()
                        .orElseThrow().detectable().text());
        List<String> found = o.violations().stream().map(Violation::message).toList();
        assertTrue(found.contains("refuseBlindGate: accuracy's detectable drop is unknown (one-sided t at 95 %,"
                + " 1 + 1 seeds: no spread to estimate the noise from), so this gate cannot tell whether it sees a"
                + " drop of maxAccuracyDrop 0.020; use " + Sight.REMEDY), found.toString());
    }

    @Test
    void inTheBaselinesOwnEnvironmentTheDetectableDropIsTheExactRulesTolerance() {
        var here = ResultFixture.deterministicEnvironment("sha256:aaaaaaaaaaaa");
        // without full there is no speedup, the one figure whose timing noise no environment removes
        Path file = baselineOf(ResultFixture.result().withoutFull().environment(here).build());
        assertEquals(List.of(), judged(new BaselineRules(file, 0.02, 0.02, 0.25, 0.25, 0.005, true),
                ResultFixture.result().withoutFull().environment(here).build()).violations());
        Outcome o = BaselineCheck.compare(new BaselineRules(file, 0.02, 0.02, 0.25, 0.25, 0.005, true),
                ResultFixture.result().withoutFull().environment(here).build());
        org.adaptivesparse.result.Detectable d = check(o, "maxAccuracyDrop").detectable();
        assertEquals(0.005, d.drop(), 1e-12);
        assertEquals("accuracy: detectable drop 0.005 here (the exact same-environment rule: every seed must"
                + " reproduce within sameEnvironmentTolerance)", d.text());
        assertEquals(0.005, check(o, "sameEnvironmentTolerance").detectable().drop(), 1e-12);
        assertEquals("modeledSavings: detectable drop 0.000 here (same environment, runs reproduce bit for bit: no"
                + " noise), within maxSavingsDrop 0.020", check(o, "maxSavingsDrop").detectable().text());
    }

    @Test
    void aLimitAgainstAControlStatesHowLargeAChangeItsPairedSeedsCanSee() {
        ExperimentResult r = ResultFixture.result().seeds(42, 43, 44).build();
        List<Limit> limits = Limits.written(org.adaptivesparse.config.LimitText.parse("accuracyDropVsFull <= 0.05"));
        org.adaptivesparse.result.Check c = LimitCheck.checks(limits, new LimitCheck.Context(0.1, 0, null), r).get(0);
        assertEquals("accuracy drop vs full: detectable change 0.000 here (one-sided paired t at 95 %, 3 seeds, sd"
                + " 0.000)", c.detectable().text());
        assertTrue(c.held());
    }
}

package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.verdict.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentPipelineTest {

    private static ExperimentConfig.Builder synthetic(Path out) {
        return ExperimentConfig.builder().name("syn").dataset("synthetic").limit(1024).testLimit(256).model("mlp")
                .epochs(2).batchSize(64).targetActivation(0.25).controls(List.of(Policy.FULL, Policy.RANDOM))
                .outputDir(out);
    }

    @Test
    void runsSideBySideJudgesAndWritesEveryOutput(@TempDir Path out) throws Exception {
        ExperimentOutcome o = new ExperimentPipeline(null).run(synthetic(out).maxActivationError(0.0).build());
        ExperimentResult r = o.result();
        assertEquals(List.of("ast", "full", "random"), r.runs().stream().map(x -> x.policy().id()).toList());
        Comparison c = r.comparison();
        assertNotNull(c.speedupVsFull());
        assertNotNull(c.accuracyDeltaVsRandom());
        assertEquals((double) r.ast().trainedSamples() / r.control("full").trainedSamples(), c.backwardRatioVsFull(), 1e-12);
        assertFalse(o.passed());
        assertEquals(1, o.violationMessages().size());
        assertTrue(o.violationMessages().get(0).startsWith("activation error "), o.violationMessages().get(0));
        for (Path p : List.of(o.reportHtml(), o.resultJson(), o.summaryMd())) {
            assertTrue(Files.size(p) > 0, p + " written");
        }
        assertFalse(Files.exists(out.resolve("index.html")), "the index waits for the front end's one call");
        assertEquals(out.resolve("index.html"), ExperimentPipeline.writeIndex(out));
        assertTrue(Files.readString(out.resolve("index.html")).contains("href=\"syn/report.html\""));
        assertEquals(out.resolve("syn"), o.directory());
        ExperimentResult back = ResultJson.read(o.resultJson());
        assertFalse(back.verdict().passed());
        assertEquals(r.ast().finalAccuracy(), back.ast().finalAccuracy(), 0.0);
    }

    @Test
    void aLimitOnAnUnknownFigureStopsTheRunBeforeTraining(@TempDir Path out) {
        ExperimentConfig cfg = synthetic(out).limits("accuracy >= 0.1; acuracy.min >= 0.5").build();
        ConfigException e = assertThrows(ConfigException.class, () -> new ExperimentPipeline(null).run(cfg));
        assertEquals("limits", e.field());
        assertTrue(e.getMessage().startsWith("limits: limit 2 'acuracy.min >= 0.5': 'acuracy' is not a figure;"
                + " did you mean accuracy;"), e.getMessage());
        assertFalse(Files.exists(out.resolve("syn").resolve("result.json")));
    }

    @Test
    void checkRejudgesAndBaselineIsExplicit(@TempDir Path out) {
        ExperimentPipeline p = new ExperimentPipeline(null);
        ExperimentConfig cfg = synthetic(out).controls(List.of(Policy.FULL)).epochs(1).build();
        ExperimentOutcome first = p.run(cfg);
        assertTrue(first.passed());
        Path baseline = out.resolve("ast-baseline.json");
        ExperimentConfig withBaseline = cfg.toBuilder().baselineFile(baseline).build();
        ExperimentOutcome missing = p.check(withBaseline, first.resultJson());
        assertFalse(missing.passed(), "a configured but missing baseline is a violation");
        assertFalse(Files.exists(baseline), "checking never writes the baseline");
        p.writeBaseline(first.resultJson(), baseline);
        assertTrue(p.check(withBaseline, first.resultJson()).passed());
        assertFalse(p.check(cfg.toBuilder().maxActivationError(0.0).build(), first.resultJson()).passed());
    }

    @Test
    void aSweepTrainsFullOncePerSeedAndAstAndRandomAtEveryTarget(@TempDir Path out) throws Exception {
        ExperimentPipeline p = new ExperimentPipeline(null);
        ExperimentConfig cfg = synthetic(out).targets("0.1,0.3").seeds("2").targetAccuracy(0.5).build();
        ExperimentOutcome o = p.run(cfg);
        ExperimentResult r = o.result();

        assertTrue(r.isSweep());
        assertNull(r.comparison(), "each point has its own");
        List<String> perSeed = List.of("ast@0.1", "ast@0.3", "full@null", "random@0.1", "random@0.3");
        assertEquals(perSeed, r.runs().subList(0, 5).stream().map(x -> x.policy() + "@" + x.targetActivation()).toList());
        assertEquals(perSeed, r.runs().subList(5, 10).stream().map(x -> x.policy() + "@" + x.targetActivation()).toList());
        assertEquals(List.of(42L, 43L), r.runs(Policy.FULL).stream().map(x -> x.seed()).toList());
        for (RunResult run : r.runs()) {
            double target = run.targetActivation() == null ? 1.0 : run.targetActivation();
            double last = run.epochs().get(run.epochs().size() - 1).activationRate();
            if (run.policy() == Policy.AST) { // the controller has 32 batches to settle: nearer its target than the other
                double other = target == 0.1 ? 0.3 : 0.1;
                assertTrue(Math.abs(last - target) < Math.abs(last - other), "ast at " + target + ": " + last);
            } else {
                assertEquals(target, last, 0.01, run.policy() + " at " + target);
            }
        }
        assertEquals(2, r.seedCount());
        assertEquals(List.of(0.1, 0.3), r.sweep().stream().map(ExperimentResult.SweepPoint::targetActivation).toList());
        assertNotNull(r.sweep().get(1).comparison().speedupVsFull());
        assertTrue(Files.readString(o.reportHtml()).contains("id=\"trade-off\""));
        assertTrue(Files.readString(o.summaryMd()).contains("Recommended target: ")
                || Files.readString(o.summaryMd()).contains("No recommended target"));
        ExperimentResult back = ResultJson.read(o.resultJson());
        assertEquals(r.runs().stream().map(RunResult::targetActivation).toList(),
                back.runs().stream().map(RunResult::targetActivation).toList());

        Path baseline = out.resolve("ast-baseline.json");
        p.writeBaseline(o.resultJson(), baseline);
        assertEquals(List.of("syn@10%", "syn@30%"), List.copyOf(Baseline.read(baseline).experiments().keySet()));
        assertTrue(p.check(cfg.toBuilder().baselineFile(baseline).build(), o.resultJson()).passed());
    }

    @Test
    void unwritableOutputFailsBeforeTraining(@TempDir Path out) throws Exception {
        Path file = Files.writeString(out.resolve("taken"), "x");
        ExperimentConfig cfg = synthetic(file).build();
        long start = System.nanoTime();
        AstFileException e = assertThrows(AstFileException.class, () -> new ExperimentPipeline(null).run(cfg));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "failed before training");
        assertEquals("x", Files.readString(file), "nothing overwritten");
    }

    @Test
    void aRunThatBlowsUpFailsWithoutThresholdsAndKeepsItsReport(@TempDir Path out) throws Exception {
        ExperimentOutcome o = new ExperimentPipeline(null).run(synthetic(out).limit(256).testLimit(128).epochs(1)
                .learningRate(10).controls(List.of(Policy.FULL)).build());
        assertFalse(o.passed());
        assertEquals(1, o.violationMessages().size(), o.violationMessages().toString());
        String m = o.violationMessages().get(0);
        assertTrue(m.matches("AST's training loss exploded: \\d\\.\\de\\+\\d\\d at epoch 1 \\(above 10 x ln 10 = 23\\.0\\),"
                + " test accuracy 0\\.\\d{3}; the full control did the same \\(accuracy 0\\.\\d{3}\\); lower learningRate"), m);
        assertEquals(1, o.result().ast().epochs().size(), "the finished epoch is kept");
        assertEquals(m, ResultJson.read(o.resultJson()).verdict().violations().get(0).message());
        assertTrue(Files.readString(o.reportHtml()).contains("training loss exploded"));
    }

    @Test
    void aBaselineThatIsNotJsonStopsTheRunBeforeTraining(@TempDir Path out) throws Exception {
        Path baseline = Files.writeString(out.resolve("ast-baseline.json"), "<html>proxy error</html>\n");
        ExperimentConfig cfg = synthetic(out.resolve("ast")).baselineFile(baseline).build();
        long start = System.nanoTime();
        AstFileException e = assertThrows(AstFileException.class, () -> new ExperimentPipeline(null).run(cfg));
        assertEquals(baseline + " is not valid JSON: malformed JSON at line 1 column 14 path $", e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "failed before training");
        assertEquals("<html>proxy error</html>\n", Files.readString(baseline));
    }

    @Test
    void aHistoryOfAnotherShapeStopsTheRunBeforeTraining(@TempDir Path out) throws Exception {
        Path history = Files.writeString(out.resolve("history.jsonl"), "[1, 2, 3]\n");
        ExperimentConfig cfg = synthetic(out.resolve("ast")).historyFile(history).build();
        AstFileException e = assertThrows(AstFileException.class, () -> new ExperimentPipeline(null).run(cfg));
        assertEquals(history + " line 1 is not an AST history entry: it has no 'experiment'; historyFile must name a"
                + " file AST writes (JSON lines), or none yet", e.getMessage());
        assertEquals("[1, 2, 3]\n", Files.readString(history));
    }

    @Test
    void aFailureAfterTrainingKeepsTheResultAndReport(@TempDir Path out) throws Exception {
        // the history cannot be written (its parent is a file), which only shows once training is done
        Path blocker = Files.writeString(out.resolve("blocker"), "x");
        ExperimentConfig cfg = synthetic(out.resolve("ast")).limit(256).testLimit(128).epochs(1)
                .controls(List.of()).historyFile(blocker.resolve("history.jsonl")).build();
        AstFileException e = assertThrows(AstFileException.class, () -> new ExperimentPipeline(null).run(cfg));
        assertTrue(e.getMessage().startsWith(blocker.resolve("history.jsonl") + " cannot be written: "), e.getMessage());
        Path dir = out.resolve("ast/syn");
        for (String f : List.of("result.json", "report.html", "summary.md")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " kept");
        }
        assertEquals(1, ResultJson.read(dir.resolve("result.json")).ast().epochs().size());
        assertEquals("x", Files.readString(blocker));
    }
}

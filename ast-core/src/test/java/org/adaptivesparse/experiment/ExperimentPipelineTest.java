package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;
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
        assertEquals(List.of("ast", "full", "random"), r.runs().stream().map(x -> x.policy()).toList());
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

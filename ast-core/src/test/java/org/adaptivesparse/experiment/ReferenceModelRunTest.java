package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.OneTimeCost;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.training.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference-model mode trains its reference model once per seed on a holdout every policy loses
 * alike, reports what that cost apart from the run, caches it, and with noisy labels trains fewer
 * mislabelled samples than random.
 */
class ReferenceModelRunTest {
    @TempDir
    Path cache;

    private ExperimentConfig.Builder base() {
        return ExperimentConfig.builder().name("ref").dataset("synthetic").limit(2000).testLimit(200).seed(5)
                .model("mlp").epochs(2).batchSize(64).targetActivation(0.2).labelNoise(0.3).threads(1)
                .cacheDir(cache).selection("filter").controls("random,random-all");
    }

    private static long samplesPerEpoch(RunResult r) {
        return r.epochs().get(0).samples();
    }

    @Test
    void filterHoldsOutTheSameSamplesFromEveryPolicyButRandomAllAndReportsItsOneTimeCost() throws IOException {
        List<String> lines = new ArrayList<>();
        ExperimentResult r = new ExperimentRunner(new ProgressListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }
        }).run(base().targetAccuracy(0.3).build());

        RunResult ast = r.run(Policy.AST).orElseThrow();
        RunResult random = r.run(Policy.RANDOM).orElseThrow();
        RunResult all = r.run(Policy.RANDOM_ALL).orElseThrow();
        assertEquals(1700, samplesPerEpoch(ast), "15 % of 2000 held out");
        assertEquals(1700, samplesPerEpoch(random));
        assertEquals(2000, samplesPerEpoch(all), "random-all trains on the holdout too");
        OneTimeCost cost = ast.oneTimeCost();
        assertNotNull(cost);
        assertEquals(300, cost.samples());
        assertEquals(2, cost.epochs());
        assertEquals(10, cost.steps(), "2 epochs of 300 samples in batches of 64");
        assertTrue(cost.seconds() > 0 && !cost.cached());
        assertNull(random.oneTimeCost());
        assertNull(all.oneTimeCost());
        // the wrong labels are what a reference model that never saw them disagrees with most
        assertTrue(ast.mislabelled() < 0.7 * random.mislabelled(), ast.mislabelled() + " vs " + random.mislabelled());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[ref] reference model, seed 5: mlp trained 2 epochs on 300"
                + " held-out samples (15% of 2000), one-time cost ")
                && l.endsWith("; every policy trains on the other 1700 samples (random-all on all 2000)")), lines.toString());
        try (Stream<Path> files = Files.list(cache.resolve("reference-models"))) {
            assertEquals(1, files.count());
        }
        // the one-time cost is shown apart, and beside every time to target AST reached
        String md = org.adaptivesparse.report.MarkdownSummary.render(r);
        assertTrue(md.contains("| One-time cost (reference model) |"), md);
        assertTrue(md.contains(" steps (reference model: 300 samples, 2 epochs, test accuracy "), md);
        String html = org.adaptivesparse.report.HtmlReport.render(r);
        assertTrue(html.contains("One-time cost (reference model)"), "report column");
        assertEquals(ast.timeToTargetSeconds() + cost.seconds(), ast.timeToTargetWithOneTimeSeconds(), 1e-9);
        assertTrue(html.contains(" with the one-time cost"), "time to target with the one-time cost");
        assertTrue(md.contains("| Time to 0.300 vs random, with the one-time cost | **"), md);
        assertTrue(md.contains("| Time to 0.300 vs random-all | **"), md);
        Path json = cache.resolve("result.json");
        org.adaptivesparse.result.ResultJson.write(json, r);
        assertEquals(cost, org.adaptivesparse.result.ResultJson.read(json).run(Policy.AST).orElseThrow().oneTimeCost());
    }

    @Test
    void theSecondRunReadsTheCacheAndTrainsExactlyAsTheFirst() {
        ExperimentConfig cfg = base().controls("random").epochs(1).build();
        RunResult first = new ExperimentRunner(null).run(cfg).run(Policy.AST).orElseThrow();
        RunResult second = new ExperimentRunner(null).run(cfg).run(Policy.AST).orElseThrow();

        assertFalse(first.oneTimeCost().cached());
        assertTrue(second.oneTimeCost().cached());
        assertEquals(first.oneTimeCost().seconds(), second.oneTimeCost().seconds(), 0, "the building's cost, kept");
        assertEquals(first.mislabelledShare(), second.mislabelledShare());
        assertEquals(first.finalAccuracy(), second.finalAccuracy());
        // another seed is another holdout: built anew
        RunResult other = new ExperimentRunner(null).run(base().controls("random").epochs(1).seed(6).build())
                .run(Policy.AST).orElseThrow();
        assertFalse(other.oneTimeCost().cached());
    }

    @Test
    void twoHalvesHoldNothingOutAndReducibleScoresEveryBatchWhenFresh() {
        ExperimentResult r = new ExperimentRunner(null).run(base().selection("reducible").set("referenceHoldout", 0)
                .controls("random").epochs(1).build());
        RunResult ast = r.run(Policy.AST).orElseThrow();
        EpochMetrics e = ast.epochs().get(0);
        assertEquals(2000, e.samples(), "two halves: nothing held out");
        assertEquals(2000, e.scoredSamples(), "a scoring forward over every batch");
        assertEquals(0.2, e.activationRate(), 0.01);
        assertEquals(2000, ast.oneTimeCost().samples(), "two models, one per half");
        assertEquals(r.run(Policy.RANDOM).orElseThrow().epochs().get(0).samples(), 2000);
    }

    @Test
    void aSmallerReferenceModelCanScoreForALargerNetwork() {
        List<String> lines = new ArrayList<>();
        ExperimentResult r = new ExperimentRunner(new ProgressListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }
        }).run(base().model("cnn").set("referenceModel", "mlp").controls("random").epochs(1).build());

        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[ref] reference model, seed 5: mlp trained 2 epochs")),
                lines.toString());
        assertEquals("mlp", r.settings().get("referenceModel"));
        assertEquals("referenceModel 'mpl' is not known; allowed: mlp, cnn, resnet, or a class of your project",
                org.junit.jupiter.api.Assertions.assertThrows(org.adaptivesparse.config.ConfigException.class,
                        () -> base().set("referenceModel", "mpl").build()).getMessage().replaceAll(" \\(.*", ""));
    }
}

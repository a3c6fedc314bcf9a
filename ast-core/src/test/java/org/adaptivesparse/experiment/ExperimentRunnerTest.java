package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.data.DataRequest;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.data.FolderSettings;
import org.adaptivesparse.data.SyntheticImages;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.stats.PairedTest;
import org.adaptivesparse.stats.Spread;
import org.junit.jupiter.api.Test;

/** The data request the runner builds from a configuration. */
class ExperimentRunnerTest {

    @Test
    void namedDatasetRequestCarriesEveryDataSetting() {
        ExperimentConfig cfg = ExperimentConfig.builder().dataset("synthetic").dataDir(Path.of("/d"))
                .cacheDir(Path.of("/c")).allowDownload(false).limit(64).testLimit(16).seed(11).build();

        DataRequest r = ExperimentRunner.dataRequest(cfg);

        assertEquals(new DataRequest("synthetic", Path.of("/d"), Path.of("/c"), false, 64, 16, 11, null), r);
        DataSplit split = Datasets.load(r);
        assertEquals(64, split.train().size());
        assertEquals(16, split.test().size());
        assertEquals(Arrays.toString(SyntheticImages.generate(64, 16, 11).train().labels()),
                Arrays.toString(split.train().labels()));
    }

    @Test
    void folderRequestCarriesTheImageSettings() {
        ExperimentConfig cfg = ExperimentConfig.builder().dataset("folder").dataDir(Path.of("/images")).imageSize(16)
                .channels(1).testFraction(0.5).seed(3).build();

        DataRequest r = ExperimentRunner.dataRequest(cfg);

        assertEquals("folder", r.dataset());
        assertEquals(Path.of("/images"), r.dataDir());
        assertEquals(new FolderSettings(16, 1, 0.5), r.folder());
        assertEquals(3, r.seed());
    }

    @Test
    void supplierRequestAppliesTheLimits() {
        Supplier<DataSplit> supplier = () -> SyntheticImages.generate(50, 40, 1);
        ExperimentConfig cfg = ExperimentConfig.builder().dataSupplier(supplier).limit(10).testLimit(5).build();

        DataRequest r = ExperimentRunner.dataRequest(cfg);

        assertSame(supplier, r.supplier());
        DataSplit split = Datasets.load(r);
        assertEquals(10, split.train().size());
        assertEquals(5, split.test().size());
    }

    @Test
    void everyPolicyRunsOnEverySeedAndTheComparisonIsPaired() {
        ExperimentConfig cfg = ExperimentConfig.builder().name("s").dataset("synthetic").limit(512).testLimit(128)
                .model("mlp").epochs(2).batchSize(64).targetActivation(0.25).controls("random").seeds("3")
                .targetAccuracy(0.3).evalsPerEpoch(2).seed(7).build();
        ExperimentResult r = new ExperimentRunner(null).run(cfg);

        assertEquals(List.of("ast@7", "random@7", "ast@8", "random@8", "ast@9", "random@9"),
                r.runs().stream().map(run -> run.policy() + "@" + run.seed()).toList());
        assertEquals(3, r.comparison().seeds());
        PairedTest first = r.comparison().firstToTargetVsRandom();
        // each seed is a win, a loss, a tie (both at the same time) or left out (neither reached 0.3)
        long neither = java.util.stream.IntStream.range(0, 3).filter(i -> r.runs().get(2 * i).timeToTargetSeconds() == null
                && r.runs().get(2 * i + 1).timeToTargetSeconds() == null).count();
        assertEquals(3 - neither, first.wins() + first.losses() + first.ties());
        PairedTest acc = r.comparison().accuracyVsRandom();
        assertEquals(3, acc.wins() + acc.losses() + acc.ties());
        // per seed, the figures are those of that seed's own runs: the median of three per-seed deltas
        double[] deltas = new double[3];
        for (int i = 0; i < 3; i++) {
            deltas[i] = r.runs().get(2 * i).finalAccuracy() - r.runs().get(2 * i + 1).finalAccuracy();
        }
        assertEquals(Spread.of(deltas).median(), r.comparison().accuracyDeltaVsRandom(), 1e-12);
        // a seed changes the run: not every seed gives AST the same final accuracy and trace
        assertNotEquals(r.runs().get(0).trace(), r.runs().get(2).trace());
    }

    @Test
    void bothRandomSamplingsRunSideBySideAndVsRandomStaysRandom() {
        ExperimentConfig cfg = ExperimentConfig.builder().name("s").dataset("synthetic").limit(512).testLimit(128)
                .model("mlp").epochs(1).batchSize(64).targetActivation(0.25).controls("random,random-epoch")
                .seed(7).build();
        ExperimentResult r = new ExperimentRunner(null).run(cfg);

        assertEquals(List.of("ast", "random", "random-epoch"), r.runs().stream().map(run -> run.policy().id()).toList());
        assertEquals("batch", r.runs().get(1).selection(), "random follows randomSampling, and says which it used");
        assertEquals("epoch", r.runs().get(2).selection());
        assertEquals(r.runs().get(0).finalAccuracy() - r.runs().get(1).finalAccuracy(),
                r.comparison().accuracyDeltaVsRandom(), 1e-12, "vs random means random, not random-epoch");
        // the same step count and sub-batch size: 8 batches of 16 each
        for (var run : r.runs().subList(1, 3)) {
            assertEquals(128, run.trainedSamples(), run.policy().id());
        }
        String summary = org.adaptivesparse.report.MarkdownSummary.render(r);
        assertTrue(summary.contains("| random (batch: each batch independently) |"), summary);
        assertTrue(summary.contains("| random-epoch |"), summary);
        String html = org.adaptivesparse.report.HtmlReport.render(r);
        assertTrue(html.contains("AST final minus random final; random drew batch: each batch independently"), html);
        assertTrue(html.contains("random (batch: each batch independently)"), html);
    }

    @Test
    void optionsThatCountEpochsDoNotBreakTheOneEpochWarmUp() {
        // the warm-up trains one epoch: primeEpochs 1 or lrWarmupEpochs 1 of a 2-epoch run must not reach it
        ExperimentConfig cfg = ExperimentConfig.builder().name("p").dataset("synthetic").limit(256).testLimit(64)
                .model("mlp").epochs(2).batchSize(64).targetActivation(0.25).controls("random").selection("stale")
                .set("primeEpochs", 1).lrSchedule("cosine").lrWarmupEpochs(1).threads(1).build();
        ExperimentResult r = new ExperimentRunner(null).run(cfg);
        assertEquals(List.of(2, 2), r.runs().stream().map(run -> run.epochs().size()).toList());
        assertEquals(1, r.configured(org.adaptivesparse.selection.StoredScoreOptions.PRIME_EPOCHS).orElseThrow());
        assertEquals(1, r.configured(org.adaptivesparse.config.Options.LR_WARMUP_EPOCHS).orElseThrow());
    }

    @Test
    void thresholdsAgainstAControlDoNotBreakTheWarmUp() {
        // the warm-up once dropped the controls, and maxAccuracyDropVsFull without full is a configuration error
        ExperimentConfig cfg = ExperimentConfig.builder().name("v").dataset("synthetic").limit(256).testLimit(64)
                .model("mlp").epochs(1).batchSize(64).targetActivation(0.25).controls("full")
                .maxAccuracyDropVsFull(0.5).minSpeedup(0.01).threads(1).build();
        ExperimentResult r = new ExperimentRunner(null).run(cfg);
        assertEquals(2, r.runs().size());
    }

    @Test
    void aBuiltInNetworkWhoseBuilderRefusesTheDataIsOneLineNamingModel() {
        // what DJL's ResNetV1-18 builder said for 28x28 images before resnet chose its small-image variant there
        org.adaptivesparse.data.ImageSet train = new org.adaptivesparse.data.ImageSet("fashion-mnist-train",
                new float[2 * 784], new int[] {0, 1}, 1, 28, 28, 10);
        java.util.function.Supplier<ai.djl.nn.Block> refusing = () -> {
            throw new IllegalArgumentException("no experiments done on num_layers 18, you can do it yourself");
        };
        ConfigException e = assertThrows(ConfigException.class, () -> NetworkProbe.check(
                ExperimentConfig.builder().model("resnet").build(), refusing, train));
        assertEquals("model", e.field());
        assertEquals("model resnet could not be built for the data's samples of shape (1, 28, 28)"
                + " (fashion-mnist-train): IllegalArgumentException: no experiments done on num_layers 18, you can do"
                + " it yourself", e.getMessage());
        // the Java API's own supplier reports its failure itself, unchanged
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class, () -> NetworkProbe.check(
                ExperimentConfig.builder().blockFactory(refusing).build(), refusing, train));
        assertTrue(own.getMessage().startsWith("no experiments done"), own.getMessage());
    }

    @Test
    void seedsAreACountOrAList() {
        assertEquals(List.of(42L), ExperimentConfig.builder().build().seeds());
        assertEquals(List.of(5L, 6L, 7L), ExperimentConfig.builder().seed(5).seeds("3").build().seeds());
        assertEquals(List.of(42L, 1L, 9L), ExperimentConfig.builder().seeds("42, 1,9").build().seeds());
        assertEquals("seeds 0 is out of range; allowed: 1 or more",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder().seeds("0").build()).getMessage());
        assertEquals("seeds 1,1 lists a seed twice",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder().seeds("1,1").build()).getMessage());
        assertEquals("seeds 'many' is not a count or a list; write e.g. 5 (seeds seed to seed+4) or 42,43,47",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder().seeds("many")).getMessage());
    }

    @Test
    void sameSeedsAndThreadsGiveIdenticalFigures() {
        ExperimentConfig cfg = ExperimentConfig.builder().name("d").dataset("synthetic").limit(512).testLimit(128)
                .model("mlp").epochs(2).batchSize(64).targetActivation(0.25).controls("full,random").seeds("2")
                .evalsPerEpoch(3).evalLimit(64).threads(1).build();
        ExperimentResult a = new ExperimentRunner(null).run(cfg);
        ExperimentResult b = new ExperimentRunner(null).run(cfg);
        assertEquals(figures(a), figures(b));
    }

    /** Everything but wall-clock seconds. */
    private static List<String> figures(ExperimentResult r) {
        return r.runs().stream().flatMap(run -> java.util.stream.Stream.concat(
                run.epochs().stream().map(e -> run.policy().id() + run.seed() + " " + e.trainLoss() + " " + e.testAccuracy()
                        + " " + e.testLoss() + " " + e.trainedSamples() + " " + e.thresholdEnd() + " " + e.selectionLift()),
                run.evaluations().stream().map(p -> run.policy().id() + run.seed() + " " + p.accuracy() + " " + p.steps()
                        + " " + p.trainedSamples()))).toList();
    }
}

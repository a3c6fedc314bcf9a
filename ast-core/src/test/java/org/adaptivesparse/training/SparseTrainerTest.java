package org.adaptivesparse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.SyntheticImages;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;
import org.junit.jupiter.api.Test;

class SparseTrainerTest {
    private static final DataSplit DATA = SyntheticImages.generate(1024, 256, 11);

    private static ExperimentConfig.Builder small() {
        return ExperimentConfig.builder().name("t").model("mlp").epochs(2).batchSize(64).targetActivation(0.25);
    }

    private static RunResult train(ExperimentConfig cfg, Policy p) {
        return new SparseTrainer(cfg, null).train(p, DATA, () -> Models.mlp(10));
    }

    @Test
    void sameSeedGivesIdenticalMetrics() {
        ExperimentConfig cfg = small().build();
        RunResult a = train(cfg, Policy.AST);
        RunResult b = train(cfg, Policy.AST);
        assertEquals(a.epochs().size(), b.epochs().size());
        for (int i = 0; i < a.epochs().size(); i++) {
            EpochMetrics x = a.epochs().get(i);
            EpochMetrics y = b.epochs().get(i);
            assertEquals(x.trainLoss(), y.trainLoss(), 0.0);
            assertEquals(x.testAccuracy(), y.testAccuracy(), 0.0);
            assertEquals(x.testLoss(), y.testLoss(), 0.0);
            assertEquals(x.activationRate(), y.activationRate(), 0.0);
            assertEquals(x.thresholdEnd(), y.thresholdEnd(), 0.0);
            assertEquals(x.trainedSamples(), y.trainedSamples());
        }
        assertEquals(a.trace(), b.trace());
    }

    @Test
    void astScoresEverySampleAndTrainsOnlyTheActiveOnes() {
        RunResult r = train(small().build(), Policy.AST);
        for (EpochMetrics e : r.epochs()) {
            assertEquals(1024, e.samples());
            assertEquals(1024, e.scoredSamples());
            assertEquals(16, e.optimizerSteps());
            assertTrue(e.trainedSamples() < e.samples() / 2, "trained " + e.trainedSamples());
            assertEquals((double) e.trainedSamples() / e.samples(), e.activationRate(), 1e-12);
            // modeled: 10 per trained sample, 0.1 per skipped one, against 10 per sample
            double a = e.activationRate();
            assertEquals(1 - (a * 10 + (1 - a) * 0.1) / 10, e.modeledSavings(), 1e-9);
            assertTrue(e.thresholdMin() <= e.thresholdEnd() && e.thresholdEnd() <= e.thresholdMax());
        }
        assertEquals("fresh", r.selection());
        assertNull(r.diverged());
        assertTrue(r.trace().size() >= 16);
    }

    @Test
    void randomTrainsRoundTargetTimesBatchWithoutScoring() {
        RunResult r = train(small().build(), Policy.RANDOM);
        EpochMetrics e = r.epochs().get(0);
        assertEquals(0, e.scoredSamples());
        assertEquals(16L * 16, e.trainedSamples()); // round(0.25 * 64) = 16 per batch
        assertTrue(Double.isNaN(e.thresholdEnd()));
    }

    @Test
    void fullTrainsEverything() {
        RunResult r = train(small().epochs(1).build(), Policy.FULL);
        assertEquals(1.0, r.epochs().get(0).activationRate());
        assertEquals(0.0, r.epochs().get(0).modeledSavings(), 1e-12);
        assertTrue(r.finalAccuracy() > 0.5, "synthetic data is learnable: " + r.finalAccuracy());
    }

    @Test
    void warmupTrainsFullyThenSwitchesToAst() {
        RunResult r = train(small().epochs(2).warmupEpochs(1).build(), Policy.AST);
        assertEquals("warmup", r.epochs().get(0).phase());
        assertEquals(1.0, r.epochs().get(0).activationRate());
        assertEquals("ast", r.epochs().get(1).phase());
        assertTrue(r.epochs().get(1).activationRate() < 0.6);
    }

    @Test
    void staleSelectionSkipsTheScoringForward() {
        RunResult r = train(small().epochs(3).selection("stale").set("staleRefreshEpochs", 2).build(), Policy.AST);
        assertEquals("stale", r.selection());
        assertEquals(0, r.epochs().get(0).scoredSamples());
        assertEquals(0, r.epochs().get(1).scoredSamples());
        assertEquals(1024, r.epochs().get(2).scoredSamples(), "refresh sweep at the start of epoch 3");
        for (EpochMetrics e : r.epochs()) {
            assertTrue(e.activationRate() > 0.1 && e.activationRate() < 0.45, "activation " + e.activationRate());
        }
    }

    @Test
    void importanceSelectionTrainsTheTargetShareWithWeightedLossesAndLearns() {
        ExperimentConfig cfg = small().epochs(3).selection("importance").build();
        RunResult r = train(cfg, Policy.AST);
        RunResult random = train(small().epochs(3).randomSampling("epoch").build(), Policy.RANDOM);
        assertEquals("importance", r.selection());
        for (int i = 0; i < 3; i++) {
            EpochMetrics e = r.epochs().get(i);
            assertEquals(0, e.scoredSamples(), "no scoring forward");
            assertEquals(0.25, e.activationRate(), 1e-12);
            assertEquals(random.epochs().get(i).trainedSamples(), e.trainedSamples());
            assertEquals(random.epochs().get(i).optimizerSteps(), e.optimizerSteps());
            assertTrue(Double.isFinite(e.trainLoss()));
        }
        assertTrue(r.finalAccuracy() > 0.5, "synthetic data is learnable: " + r.finalAccuracy());
        assertTrue(r.epochs().get(2).selectionLift() > 1.0, "prefers higher stored losses: "
                + r.epochs().get(2).selectionLift());
    }

    @Test
    void everyStoredScoreTrainsTheTargetShare() {
        for (String score : new String[] {"gradnorm", "article"}) {
            for (String mode : new String[] {"stale", "importance"}) {
                RunResult r = train(small().epochs(2).selection(mode).set("score", score).build(), Policy.AST);
                for (EpochMetrics e : r.epochs()) {
                    assertEquals(0.25, e.activationRate(), 1e-12, mode + " " + score);
                    assertEquals(0, e.scoredSamples());
                }
                assertTrue(r.finalAccuracy() > 0.5, mode + " " + score + " learns: " + r.finalAccuracy());
            }
        }
    }

    @Test
    void primedAndDecayingPressureTrainsTheTargetShare() {
        for (String mode : new String[] {"stale", "importance"}) {
            RunResult r = train(small().epochs(3).selection(mode).set("primeEpochs", 1).set("pressureSchedule", "decay")
                    .build(),
                    Policy.AST);
            for (EpochMetrics e : r.epochs()) {
                assertEquals(0.25, e.activationRate(), 1e-12, mode);
            }
            assertTrue(r.finalAccuracy() > 0.5, mode + " learns: " + r.finalAccuracy());
        }
    }

    @Test
    void coverageAndPercentileSamplingTrainTheTargetShare() {
        for (String sampling : new String[] {"coverage", "percentile"}) {
            RunResult r = train(small().epochs(2).selection("stale").set("staleSampling", sampling).build(), Policy.AST);
            for (EpochMetrics e : r.epochs()) {
                assertEquals(0.25, e.activationRate(), 1e-12, sampling);
            }
            assertTrue(r.finalAccuracy() > 0.5, sampling + " learns: " + r.finalAccuracy());
        }
    }

    @Test
    void nanLossStopsTheRunAndKeepsFinishedEpochs() {
        AtomicInteger calls = new AtomicInteger();
        // 16 training batches + 1 evaluation batch per epoch: poison the third epoch's fifth training forward
        LambdaBlock poison = new LambdaBlock(list -> calls.incrementAndGet() > 2 * 17 + 5
                ? new NDList(list.singletonOrThrow().mul(Float.NaN)) : list);
        ExperimentConfig cfg = small().epochs(3).build();
        RunResult r = new SparseTrainer(cfg, null).train(Policy.FULL, DATA,
                () -> new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(10).build())
                        .add(poison));
        assertEquals(2, r.epochs().size());
        assertNotNull(r.diverged());
        assertEquals("diverged at epoch 3, batch 5: loss NaN", r.diverged());
    }

    @Test
    void listenerSeesEveryEpoch() {
        List<String> lines = new java.util.ArrayList<>();
        new SparseTrainer(small().build(), new ProgressListener() {
            @Override
            public void epochFinished(String experiment, String policy, EpochMetrics m, int total) {
                lines.add(ProgressFormat.epochLine(policy, m, total));
            }
        }).train(Policy.AST, DATA, () -> Models.mlp(10));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).matches("\\[ast\\] Epoch 2/2 \\| Loss: \\d+\\.\\d{3} \\| Acc: \\d+\\.\\d% \\| Act: \\d+\\.\\d% "
                + "\\| Save: \\d+\\.\\d% \\(modeled\\) \\| Thr: 0\\.\\d\\d \\| \\d+\\.\\d s"), lines.get(1));
    }

    @Test
    void resnetTrainsOnCifarShapedImages() {
        DataSplit cifarShaped = SyntheticImages.generate(256, 64, 3, 32, 32, 10, 5);
        ExperimentConfig cfg = small().model("resnet").epochs(1).build();
        RunResult r = new SparseTrainer(cfg, null).train(Policy.AST, cifarShaped, () -> Models.resnet(3, 32, 32, 10));
        EpochMetrics e = r.epochs().get(0);
        assertNull(r.diverged());
        assertEquals(256, e.scoredSamples());
        assertTrue(e.trainedSamples() > 0 && e.trainedSamples() < 256, "trained " + e.trainedSamples());
        assertTrue(Double.isFinite(e.testLoss()));
    }
}

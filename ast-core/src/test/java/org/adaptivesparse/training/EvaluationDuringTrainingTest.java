package org.adaptivesparse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.SyntheticImages;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.EvalPoint;
import org.adaptivesparse.result.RunResult;
import org.junit.jupiter.api.Test;

class EvaluationDuringTrainingTest {
    private static final DataSplit DATA = SyntheticImages.generate(1024, 256, 11);

    private static ExperimentConfig.Builder small() {
        return ExperimentConfig.builder().name("t").model("mlp").epochs(2).batchSize(64).targetActivation(0.25);
    }

    @Test
    void evaluatesAtEvenlySpacedBatchesAndOnTheWholeTestSetAtEpochEnds() {
        ExperimentConfig cfg = small().evalsPerEpoch(4).evalLimit(100).build();
        RunResult r = new SparseTrainer(cfg, null).train(Policy.RANDOM, DATA, () -> Models.mlp(10));
        List<EvalPoint> points = r.evaluations();
        assertEquals(8, points.size());
        // 16 batches per epoch: after batches 4, 8, 12 on the 100-sample subset, and 16 on all 256
        assertEquals(List.of(4, 8, 12, 16, 4, 8, 12, 16), points.stream().map(EvalPoint::batch).toList());
        assertEquals(List.of(100, 100, 100, 256, 100, 100, 100, 256),
                points.stream().map(EvalPoint::evalSamples).toList());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).trainSeconds() >= points.get(i - 1).trainSeconds());
            assertEquals(points.get(i - 1).steps() + 4, points.get(i).steps());
        }
        // the end-of-epoch point is the epoch's own test accuracy, and the work counted is the epoch's
        EpochMetrics first = r.epochs().get(0);
        assertEquals(first.testAccuracy(), points.get(3).accuracy(), 0.0);
        assertEquals(first.trainedSamples(), points.get(3).trainedSamples());
        assertEquals(first.trainSeconds(), points.get(3).trainSeconds(), 1e-9);
    }

    @Test
    void timeToTargetIsTheFirstEvaluationAtOrAboveIt() {
        ExperimentConfig cfg = small().evalsPerEpoch(2).build();
        RunResult r = new SparseTrainer(cfg, null).train(Policy.FULL, DATA, () -> Models.mlp(10));
        double target = r.evaluations().get(1).accuracy();
        RunResult t = r.withTarget(target);
        EvalPoint hit = r.evaluations().stream().filter(p -> p.accuracy() >= target).findFirst().orElseThrow();
        assertEquals(hit.trainSeconds(), t.timeToTargetSeconds(), 0.0);
        assertEquals(hit.trainedSamples(), t.samplesToTarget());
        assertEquals(hit.steps(), t.stepsToTarget());
        RunResult missed = r.withTarget(1.01);
        assertNull(missed.timeToTargetSeconds());
        assertNull(missed.samplesToTarget());
    }

    @Test
    void interleavedRunsGiveTheSameFiguresAsRunsAlone() {
        ExperimentConfig cfg = small().evalsPerEpoch(2).build();
        SparseTrainer trainer = new SparseTrainer(cfg, null);
        List<Policy> policies = List.of(Policy.AST, Policy.FULL, Policy.RANDOM);
        List<RunResult> alone = new ArrayList<>();
        for (Policy p : policies) {
            alone.add(trainer.train(p, DATA, () -> Models.mlp(10)));
        }
        List<RunResult> together = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingTensors tensors = TrainingTensors.of(m, DATA, 0, cfg.seed());
            List<SparseTrainer.TrainingRun> runs = new ArrayList<>();
            for (Policy p : policies) {
                runs.add(trainer.start(p, tensors, () -> Models.mlp(10)));
            }
            boolean more = true;
            while (more) {
                more = false;
                for (SparseTrainer.TrainingRun run : runs) {
                    more |= run.next();
                }
            }
            runs.forEach(run -> together.add(run.result()));
            runs.forEach(SparseTrainer.TrainingRun::close);
        }
        for (int i = 0; i < policies.size(); i++) {
            RunResult a = alone.get(i);
            RunResult b = together.get(i);
            assertEquals(a.epochs().size(), b.epochs().size());
            for (int e = 0; e < a.epochs().size(); e++) {
                assertEquals(a.epochs().get(e).trainLoss(), b.epochs().get(e).trainLoss(), 0.0, policies.get(i) + "");
                assertEquals(a.epochs().get(e).testAccuracy(), b.epochs().get(e).testAccuracy(), 0.0);
                assertEquals(a.epochs().get(e).trainedSamples(), b.epochs().get(e).trainedSamples());
            }
            assertEquals(a.evaluations().stream().map(EvalPoint::accuracy).toList(),
                    b.evaluations().stream().map(EvalPoint::accuracy).toList());
            assertEquals(cfg.seed(), b.seed());
        }
    }

    @Test
    void selectionLiftIsOneForFullAboutOneForRandomAndAboveOneForAst() {
        ExperimentConfig cfg = small().epochs(3).build();
        SparseTrainer trainer = new SparseTrainer(cfg, null);
        RunResult full = trainer.train(Policy.FULL, DATA, () -> Models.mlp(10));
        RunResult random = trainer.train(Policy.RANDOM, DATA, () -> Models.mlp(10));
        RunResult ast = trainer.train(Policy.AST, DATA, () -> Models.mlp(10));
        RunResult stale = new SparseTrainer(small().epochs(3).selection("stale").build(), null)
                .train(Policy.AST, DATA, () -> Models.mlp(10));
        // full trains every candidate; its first epoch has no stored losses yet
        assertTrue(Double.isNaN(full.epochs().get(0).selectionLift()));
        assertEquals(1.0, full.epochs().get(2).selectionLift(), 1e-9);
        double r = random.epochs().get(2).selectionLift();
        double a = ast.epochs().get(2).selectionLift();
        double s = stale.epochs().get(2).selectionLift();
        assertTrue(r > 0.8 && r < 1.25, "random selection lift " + r);
        assertTrue(a > 1.5 && a > r, "fresh AST prefers high losses: lift " + a + " vs random " + r);
        assertTrue(s > 1.2 && s > r, "stale AST prefers high stored losses: lift " + s + " vs random " + r);
    }
}

package org.adaptivesparse.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;

/**
 * Trains a reference model (the {@code full} policy on a holdout) and scores other samples with it:
 * each one's loss under a model that never saw it, the irreducible loss of RHO-LOSS.
 */
public final class ReferenceTraining {
    private ReferenceTraining() {
    }

    /**
     * What one reference model gave and cost.
     *
     * @param losses   per sample of the scored set, in its order
     * @param seconds  training-loop seconds plus the scoring sweep's
     * @param steps    optimizer steps
     * @param accuracy test accuracy after the last epoch
     */
    public record Outcome(float[] losses, double seconds, long steps, double accuracy) {
    }

    /**
     * Trains {@code cfg}'s network on {@code on} with every sample, {@code cfg.epochs()} epochs, then
     * sweeps {@code scored} in inference mode.
     */
    public static Outcome trainAndScore(ExperimentConfig cfg, ImageSet on, ImageSet scored, ImageSet test,
            Supplier<Block> blocks) {
        SparseTrainer trainer = new SparseTrainer(cfg, ProgressListener.NONE);
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
                SparseTrainer.TrainingRun run = trainer.start(Policy.FULL,
                        TrainingTensors.of(manager, new DataSplit(on, test), cfg.evalLimit(), cfg.seed()), blocks)) {
            while (run.next()) {
                // one epoch per call
            }
            RunResult r = run.result();
            if (r.diverged() != null) {
                throw new IllegalStateException("the reference model " + r.diverged());
            }
            long s0 = System.nanoTime();
            float[] losses = run.losses(TrainingTensors.tensors(manager, scored));
            double scoring = (System.nanoTime() - s0) / 1e9;
            long steps = r.epochs().stream().mapToLong(EpochMetrics::optimizerSteps).sum();
            return new Outcome(losses, r.totalTrainSeconds() + scoring, steps, r.finalAccuracy());
        }
    }
}

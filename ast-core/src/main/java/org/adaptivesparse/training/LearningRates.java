package org.adaptivesparse.training;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.LrSchedule;

/**
 * The learning-rate schedule of a run. Every policy takes one optimizer step per batch, so the same
 * schedule over the same number of steps applies to all of them alike.
 */
final class LearningRates {
    private LearningRates() {
    }

    /** The tracker for a run of {@code cfg.epochs()} epochs of {@code stepsPerEpoch} steps. */
    static Tracker tracker(ExperimentConfig cfg, int stepsPerEpoch) {
        float lr = (float) cfg.learningRate();
        int total = cfg.epochs() * stepsPerEpoch;
        int warmup = cfg.lrWarmupEpochs() * stepsPerEpoch;
        Tracker main = cfg.lrSchedule() == LrSchedule.COSINE
                ? CosineTracker.builder().setBaseValue(lr).optFinalValue(0f).setMaxUpdates(Math.max(1, total - warmup))
                        .build()
                : Tracker.fixed(lr);
        if (warmup == 0) {
            return main;
        }
        return WarmUpTracker.builder().setMainTracker(main).optWarmUpSteps(warmup).optWarmUpBeginValue(0f).build();
    }
}

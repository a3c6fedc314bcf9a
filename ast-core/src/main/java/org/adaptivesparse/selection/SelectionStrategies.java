package org.adaptivesparse.selection;

import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.RandomSampling;

/** Makes the strategy of a policy and, for {@code ast}, of its selection mode ({@link AstMode#create}). */
public final class SelectionStrategies {
    private SelectionStrategies() {
    }

    /** A new strategy for one training run of a mode without a reference model; see the five-argument form. */
    public static SelectionStrategy create(Policy policy, ExperimentConfig cfg, ImageTensors train,
            ScoringModel model) {
        return create(policy, cfg, train, model, null);
    }

    /**
     * A new strategy for one training run. Each random stream is seeded from {@code cfg.seed()} alone,
     * so the same seed gives the same choices whatever else runs. For {@code ast} with
     * {@code warmupEpochs}, the strategy trains everything for those epochs first.
     *
     * @param train the training set
     * @param model the model being trained, for strategies that score samples with it
     * @param reference the training samples' irreducible losses, for modes that use a reference model; else null
     */
    public static SelectionStrategy create(Policy policy, ExperimentConfig cfg, ImageTensors train,
            ScoringModel model, ReferenceLosses reference) {
        long seed = cfg.seed();
        SelectionStrategy strategy = switch (policy) {
            case FULL -> new FullSelection();
            case RANDOM, RANDOM_BATCH, RANDOM_EPOCH, RANDOM_ALL -> policy.drawing(cfg.randomSampling()) == RandomSampling.EPOCH
                    ? new EpochRandomSelection(cfg.targetActivation(), train.size(), new SplittableRandom(seed * 31 + 4))
                    : new RandomSelection(cfg.targetActivation(), new SplittableRandom(seed * 31 + 2));
            case AST -> SelectionModes.of(cfg.selection()).create(cfg, train, model, reference);
        };
        return policy == Policy.AST && cfg.warmupEpochs() > 0 ? new WarmupSelection(cfg.warmupEpochs(), strategy)
                : strategy;
    }
}

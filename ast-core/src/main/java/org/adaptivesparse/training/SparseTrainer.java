package org.adaptivesparse.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.selection.ImageTensors;
import org.adaptivesparse.selection.SelectionStrategy;

/**
 * Trains one policy on one data split: the loop of DJL's {@code EasyTrain} with selection around the
 * step. Per batch the policy's {@link SelectionStrategy} chooses the samples (for {@code ast} after a
 * scoring forward pass, significance, the gate and the controller); the training forward, backward
 * and optimizer step then run on the gathered sub-batch only, and an {@link EpochAccumulator} records
 * what happened.
 *
 * <p>Every per-batch NDArray lives in a sub-manager closed at the end of the batch, so native memory
 * stays flat however long the run.
 */
public final class SparseTrainer {
    private final ExperimentConfig cfg;
    private final ProgressListener listener;

    public SparseTrainer(ExperimentConfig cfg, ProgressListener listener) {
        this.cfg = cfg;
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /** Trains a fresh model with the given policy, all epochs in a row. */
    public RunResult train(Policy policy, DataSplit data, Supplier<Block> blockFactory) {
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
                TrainingRun run = start(policy, TrainingTensors.of(manager, data, cfg.evalLimit(), cfg.seed()), blockFactory)) {
            while (run.next()) {
                // one epoch per call
            }
            return run.result();
        }
    }

    /**
     * Starts a run that trains one epoch per {@link TrainingRun#next()}, so an experiment can run its
     * policies interleaved, an epoch of each in turn. The engine's random seed is set before the block
     * is initialised, so every policy of an experiment starts from the same weights.
     */
    public TrainingRun start(Policy policy, TrainingTensors tensors, Supplier<Block> blockFactory) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) cfg.seed());
        // DJL's default device: the GPU when a CUDA build of libtorch is on the class path and one is visible.
        Device device = engine.defaultDevice();
        Model model = Model.newInstance("ast-" + policy.id(), device, "PyTorch");
        try {
            model.setBlock(blockFactory.get());
            Shape input = new Shape(1).addAll(tensors.train().images().getShape().slice(1));
            if (cfg.initialParameters() != null) {
                // DJL's fine-tuning order: parameters loaded before the trainer initialises the block keep their values
                StartingWeights.load(model, cfg.initialParameters(), blockFactory, input);
                engine.setRandomSeed((int) cfg.seed());
            }
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(LearningRates.tracker(cfg, stepsPerEpoch(tensors))).build())
                    .optDevices(new Device[] {device});
            Trainer trainer = model.newTrainer(tc);
            trainer.initialize(input);
            return new TrainingRun(model, trainer, new PolicyRun(cfg, listener, policy, trainer, tensors));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private int stepsPerEpoch(TrainingTensors tensors) {
        return (tensors.train().size() + cfg.batchSize() - 1) / cfg.batchSize();
    }

    /** A run in progress: one epoch per {@link #next()}; closing it frees the model. */
    public static final class TrainingRun implements AutoCloseable {
        private final Model model;
        private final Trainer trainer;
        private final PolicyRun run;

        private TrainingRun(Model model, Trainer trainer, PolicyRun run) {
            this.model = model;
            this.trainer = trainer;
            this.run = run;
        }

        /** Trains the next epoch; false when the run is over (all epochs done, or diverged). */
        public boolean next() {
            return run.next();
        }

        /** Each sample's loss under the model as trained so far, in the set's order (inference mode). */
        public float[] losses(ImageTensors set) {
            return run.losses(set);
        }

        /** What the run did so far. */
        public RunResult result() {
            return run.result();
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }
}

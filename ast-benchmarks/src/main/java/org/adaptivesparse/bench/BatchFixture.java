package org.adaptivesparse.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.adaptivesparse.model.Models;

/**
 * What every microbenchmark works on: the {@code cnn} with Adam as the engine trains it, a training
 * tensor of {@value #POOL} images shaped like Fashion-MNIST, and one batch of {@value #BATCH}
 * samples with its logits. Random pixels: the cost of these operations does not depend on the
 * values, and a benchmark that needs no dataset runs anywhere.
 */
final class BatchFixture implements AutoCloseable {
    static final int BATCH = 128;
    static final int POOL = 8192;
    static final int CLASSES = 10;

    final Model model;
    final Trainer trainer;
    final NDManager manager;
    final NDArray poolX;
    final NDArray poolY;
    final NDArray x;
    final NDArray y;
    final NDArray logits;
    final long[] batchIdx;
    final int[] labels;
    final float[] stds;

    BatchFixture() {
        Engine.getEngine("PyTorch").setRandomSeed(42);
        model = Model.newInstance("bench", Device.cpu(), "PyTorch");
        model.setBlock(Models.cnn(CLASSES));
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                .optDevices(new Device[] {Device.cpu()});
        trainer = model.newTrainer(tc);
        trainer.initialize(new Shape(1, 1, 28, 28));
        manager = model.getNDManager().newSubManager();
        poolX = manager.randomUniform(0f, 1f, new Shape(POOL, 1, 28, 28));
        poolY = manager.randomInteger(0, CLASSES, new Shape(POOL), DataType.INT64);
        batchIdx = new long[BATCH];
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < BATCH; i++) {
            batchIdx[i] = r.nextInt(POOL);
        }
        labels = new int[POOL];
        stds = new float[POOL];
        for (int i = 0; i < POOL; i++) {
            labels[i] = r.nextInt(CLASSES);
            stds[i] = (float) r.nextDouble();
        }
        x = poolX.get(new NDIndex("0:" + BATCH));
        y = poolY.get(new NDIndex("0:" + BATCH));
        logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
    }

    /**
     * A view of {@code a} owned by {@code m}: results of operations on it land in {@code m}, as in the
     * training loop, where the batch is gathered into the per-batch sub-manager.
     */
    static NDArray view(NDManager m, NDArray a) {
        return a.get(m, new NDIndex(":"));
    }

    @Override
    public void close() {
        manager.close();
        trainer.close();
        model.close();
    }
}

package com.example.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.adaptivesparse.junit.SparseTraining;
import org.adaptivesparse.junit.TrainingReport;
import org.junit.jupiter.api.Test;

/**
 * Training regressions as tests. Class-level values are defaults for every method; each method
 * overrides what it needs. {@code -Dast.epochs=1} (or junit-platform.properties) overrides both.
 */
@SparseTraining(dataset = "fashion-mnist", limit = 10_000, testLimit = 5_000, epochs = 2, controls = {"full", "random"})
class FashionSparseTrainingTest {

    /** A named model, gated on accuracy, activation and modeled savings. */
    @Test
    @SparseTraining(model = "mlp", targetActivation = 0.30, minAccuracy = 0.70, maxActivationError = 0.03,
            minSavings = 0.60)
    void mlpStaysAccurateWhenSparse(TrainingReport report) {
        // Extra assertions on the measured result, beyond the thresholds the annotation applies.
        assertEquals(2, report.ast().epochs().size());
        assertTrue(report.ast().trainedSamples() < report.control("full").trainedSamples() / 2,
                "AST trained fewer samples than full");
    }

    /** The project's own network, from a factory method. */
    @Test
    @SparseTraining(modelFactory = "tinyCnn", targetActivation = 0.20, minAccuracy = 0.65, maxActivationError = 0.03)
    void ownNetworkHoldsItsActivation(TrainingReport report) {
        assertTrue(report.ast().finalAccuracy() > 0.1, "learned something: " + report.ast().finalAccuracy());
    }

    /** conv16-pool-fc64-fc10: small enough to train in seconds on a CPU. */
    static Block tinyCnn() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(16).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(10).build());
    }
}

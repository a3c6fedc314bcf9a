package com.example.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The project's own network on its own data pipeline, named as the POM names them. A network that
     * no longer learns stays near chance (0.10 on ten classes) and fails here.
     */
    @Test
    @SparseTraining(model = "com.example.fashion.FashionNet", dataset = "com.example.fashion.FashionData",
            targetActivation = 0.20, minAccuracy = 0.65, maxActivationError = 0.03)
    void ownNetworkLearnsAndHoldsItsActivation(TrainingReport report) {
        double first = report.ast().epochs().get(0).testAccuracy();
        double last = report.ast().finalAccuracy();
        assertTrue(last > 0.65 && last >= first - 0.02,
                "FashionNet learned: " + first + " after the first epoch, " + last + " at the end");
        assertTrue(last > report.control("full").finalAccuracy() - 0.15,
                "AST within 0.15 of full training: " + last + " against " + report.control("full").finalAccuracy());
    }
}

package org.adaptivesparse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real training on 10k Fashion-MNIST samples, found the way users' runs find them: the cache, Debian's
 * dataset-fashion-mnist (which .ci/run installs), then the verified download. Where none serves, the
 * tests fail with the data error that lists each place tried; they are never skipped.
 */
class FashionMnistTrainingTest {
    private static DataSplit data;

    @BeforeAll
    static void load() {
        data = Datasets.load("fashion-mnist", null, Options.CACHE_DIR.defaultValue(), true, 10_000, 0, 42);
    }

    @Test
    void fullTrainingReachesEightyPercentInOneEpoch() {
        ExperimentConfig cfg = ExperimentConfig.builder().name("full").model("cnn").epochs(1).build();
        RunResult r = new SparseTrainer(cfg, null).train(Policy.FULL, data, () -> Models.cnn(10));
        assertTrue(r.finalAccuracy() > 0.80, "accuracy " + r.finalAccuracy());
    }

    @Test
    void astHoldsTheTargetActivationInTheSecondEpoch() {
        ExperimentConfig cfg = ExperimentConfig.builder().name("ast").model("cnn").epochs(2).targetActivation(0.10).build();
        RunResult r = new SparseTrainer(cfg, null).train(Policy.AST, data, () -> Models.cnn(10));
        assertEquals(0.10, r.epochs().get(1).activationRate(), 0.02);
        assertTrue(r.finalAccuracy() > 0.5, "AST still learns: " + r.finalAccuracy());
    }
}

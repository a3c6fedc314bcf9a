package org.adaptivesparse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real training on 10k Fashion-MNIST samples (Debian's dataset-fashion-mnist, which .ci/run installs). */
class FashionMnistTrainingTest {
    private static DataSplit data;

    @BeforeAll
    static void load(@TempDir Path cache) {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "apt-get install dataset-fashion-mnist to run the real-data tests");
        data = Datasets.load("fashion-mnist", null, cache, false, 10_000, 0, 42);
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

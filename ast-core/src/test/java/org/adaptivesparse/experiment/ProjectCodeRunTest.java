package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.example.usercode.Nets;
import com.example.usercode.TinyNet;
import java.nio.file.Path;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.data.DataException;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own network and data, named by class, trained side by side; and every failure of
 * the project's code caught before training, in one line naming the option.
 */
class ProjectCodeRunTest {
    private static final String DATA = "com.example.usercode.Data";

    private static ExperimentConfig.Builder base() {
        return ExperimentConfig.builder().name("user").dataset(DATA).model("com.example.usercode.TinyNet").epochs(3)
                .batchSize(32).targetActivation(0.5).controls("full,random").threads(1);
    }

    private static ExperimentResult run(ExperimentConfig.Builder b) {
        return new ExperimentRunner(null).run(b.build());
    }

    @Test
    void theProjectsNetworkTrainsOnTheProjectsFeatureVectors() {
        ExperimentResult r = run(base());

        assertEquals(3, r.runs().size());
        for (RunResult run : r.runs()) {
            // three blobs: chance is a third, a network that learns separates them
            assertTrue(run.finalAccuracy() > 0.8, run.policy() + " reached " + run.finalAccuracy());
        }
        assertEquals("com.example.usercode.TinyNet", r.configuration().get("model"));
        assertEquals("com.example.usercode.Data", r.configuration().get("dataset"));
        assertTrue(String.valueOf(r.configuration().get("spreadTerm")).startsWith("feature spread"));
    }

    @Test
    void aNetworkWithTheWrongNumberOfOutputsFailsBeforeTraining() {
        ConfigException e = assertThrows(ConfigException.class, () -> run(base().model("com.example.usercode.Nets#tenOutputs")));
        assertEquals("model", e.field());
        assertEquals("model com.example.usercode.Nets#tenOutputs returns outputs of shape (10) per sample, but the data"
                + " have 3 classes; its last layer must have 3 outputs (one logit per class)", e.getMessage());
    }

    @Test
    void aNetworkThatCannotTakeTheSamplesFailsOnTheFirstForwardPass() {
        ConfigException e = assertThrows(ConfigException.class, () -> run(base().model("com.example.usercode.Nets#conv")));
        assertEquals("model", e.field());
        assertTrue(e.getMessage().startsWith("model com.example.usercode.Nets#conv cannot take the data's samples of"
                + " shape (12) (com.example.usercode.Data (training)): "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aFactoryThatThrowsIsNamedWithItsMessage() {
        ConfigException e = assertThrows(ConfigException.class, () -> run(base().model("com.example.usercode.Nets#failing")));
        assertEquals("model com.example.usercode.Nets#failing: Nets.failing() threw IllegalStateException: the"
                + " pretrained backbone is not on this machine", e.getMessage());
        ConfigException none = assertThrows(ConfigException.class, () -> run(base().model("com.example.usercode.Nets#nothing")));
        assertEquals("model com.example.usercode.Nets#nothing: Nets.nothing() returned null instead of a Block",
                none.getMessage());
    }

    @Test
    void dataThatCannotServeSayWhy() {
        assertEquals("com.example.usercode.Data#emptyTraining returned an empty training set",
                assertThrows(DataException.class, () -> run(base().dataset(DATA + "#emptyTraining"))).getMessage());
        assertEquals("com.example.usercode.Data#mismatched returned training samples of shape (12) but test samples"
                + " of shape (8); both sets must hold samples of one shape",
                assertThrows(DataException.class, () -> run(base().dataset(DATA + "#mismatched"))).getMessage());
        assertEquals("com.example.usercode.Data#failing: Data.failing() threw IllegalArgumentException: no such"
                + " bucket: s3://team-data/fashion",
                assertThrows(DataException.class, () -> run(base().dataset(DATA + "#failing"))).getMessage());
    }

    @Test
    void startingWeightsAreLoadedIntoEveryPolicy(@TempDir Path dir) throws Exception {
        // all-zero weights: every logit equal, so each prediction is class 0, a third of the balanced test set
        save(dir, "zeros", new TinyNet(), true);
        ExperimentResult r = run(base().epochs(1).learningRate(1e-9).initialParameters(dir.resolve("zeros-0000.params")));

        for (RunResult run : r.runs()) {
            assertEquals(1.0 / 3, run.finalAccuracy(), 1e-6, run.policy().id());
        }
        assertEquals("zeros-0000.params", r.settings().get("initialParameters"));
        // and without them the same tiny learning rate leaves the random start's accuracy, not a third
        ExperimentResult scratch = run(base().epochs(1).learningRate(1e-9));
        assertTrue(Math.abs(scratch.runs().get(0).finalAccuracy() - 1.0 / 3) > 1e-6);
    }

    @Test
    void startingWeightsOfAnotherNetworkAreOneLine(@TempDir Path dir) throws Exception {
        save(dir, "other", (shape, k) -> Nets.sized(shape, k), false);
        ConfigException e = assertThrows(ConfigException.class,
                () -> run(base().initialParameters(dir)));
        assertEquals("initialParameters", e.field());
        assertTrue(e.getMessage().startsWith("initialParameters " + dir.resolve("other-0000.params")
                + " does not fit the network: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static void save(Path dir, String name, org.adaptivesparse.model.BlockFactory net, boolean zero)
            throws Exception {
        try (Model m = Model.newInstance(name, "PyTorch")) {
            m.setBlock(net.newBlock(new Shape(12), 3));
            m.getBlock().initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 12));
            if (zero) {
                for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
                    p.getValue().getArray().muli(0);
                }
            }
            m.save(dir, name);
        }
    }
}

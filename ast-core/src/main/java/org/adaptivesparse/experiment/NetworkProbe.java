package org.adaptivesparse.experiment;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Arrays;
import java.util.function.Supplier;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.data.ImageSet;

/**
 * One forward pass of a throwaway network on two training samples, before anything is trained or
 * timed: a network that cannot take the data's samples, or that returns another number of outputs
 * than the data has classes, fails here with one line naming the {@code model} option, instead of
 * an engine error in the middle of the first epoch.
 */
final class NetworkProbe {
    private NetworkProbe() {
    }

    /** @throws ConfigException naming {@code model} when the network does not fit the data */
    static void check(ExperimentConfig cfg, Supplier<Block> blocks, ImageSet train) {
        Shape sample = train.sampleShape();
        Engine engine = Engine.getEngine("PyTorch");
        try (Model model = Model.newInstance("ast-probe", engine.defaultDevice(), "PyTorch");
                NDManager manager = model.getNDManager().newSubManager()) {
            Block block;
            try {
                block = blocks.get();
            } catch (RuntimeException e) {
                // a built-in network whose builder refuses this image size; the caller's own code (the Java
                // API's supplier, a front end's factory) reports its failures itself, a project class is
                // named by ProjectReferences
                if (cfg.blockFactory() != null || cfg.projectModel()) {
                    throw e;
                }
                throw new ConfigException("model", "model " + cfg.modelLabel() + " could not be built for the data's"
                        + " samples of shape " + sample + " (" + train.name() + "): " + firstLine(e), e);
            }
            model.setBlock(block);
            int n = Math.min(2, train.size());
            float[] values = Arrays.copyOf(train.pixels(), n * train.pixelsPerImage());
            NDArray x = manager.create(values, new Shape(n).addAll(sample));
            NDArray out;
            try {
                block.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
                block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1).addAll(sample));
                out = block.forward(new ParameterStore(manager, false), new NDList(x), false).head();
            } catch (RuntimeException e) {
                throw new ConfigException("model", "model " + cfg.modelLabel() + " cannot take the data's samples of"
                        + " shape " + sample + " (" + train.name() + "): " + firstLine(e), e);
            }
            Shape expected = new Shape(n, train.classes());
            if (!out.getShape().equals(expected)) {
                throw new ConfigException("model", "model " + cfg.modelLabel() + " returns outputs of shape "
                        + out.getShape().slice(1) + " per sample, but the data have " + train.classes()
                        + " classes; its last layer must have " + train.classes() + " outputs (one logit per class)");
            }
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}

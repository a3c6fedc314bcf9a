package org.adaptivesparse.selection;

import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.control.PiController;

/**
 * {@code fresh}: a scoring forward pass over every sample of every batch (the algorithm as
 * specified). Its wall-clock speedup over full training is capped near {@code 3 / (1 + 3a)} at
 * activation a. Its settings (gate, significance weights, controller gains) are core options: they
 * are compared for every mode, and the {@code article} score of the stored-score modes reads the
 * significance weights too.
 */
public final class FreshMode implements AstMode {
    @Override
    public String id() {
        return "fresh";
    }

    @Override
    public String description() {
        return "a scoring forward every batch";
    }

    @Override
    public List<Option<?>> options() {
        return List.of();
    }

    @Override
    public SelectionStrategy create(ExperimentConfig cfg, ImageTensors train, ScoringModel model,
            ReferenceLosses reference) {
        return new FreshAstSelection(train, model, new Significance(cfg.lossWeight(), cfg.stdWeight()),
                new Gate(cfg.gate(), cfg.seed() * 31 + 1), new PiController(cfg.targetActivation(), cfg.kp(),
                        cfg.ki(), cfg.emaAlpha(), cfg.initialThreshold()));
    }
}

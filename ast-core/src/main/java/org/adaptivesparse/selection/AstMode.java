package org.adaptivesparse.selection;

import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.SelectionMode;

/**
 * A selection mode of the {@code ast} policy: the options it owns ({@link SelectionMode}) and the
 * strategy it builds. An implementation reads its settings from the configuration into a record of
 * its own (the core options it needs and its own options) and hands only that to its strategy.
 * Listed in {@link SelectionModes}.
 */
public interface AstMode extends SelectionMode {
    /**
     * A new strategy for one training run, from this mode's settings in {@code cfg}.
     *
     * @param train the training set
     * @param model the model being trained, for strategies that score samples with it
     * @param reference each training sample's irreducible loss when this mode
     *                  {@linkplain #usesReferenceModel() uses a reference model}, else null
     */
    SelectionStrategy create(ExperimentConfig cfg, ImageTensors train, ScoringModel model, ReferenceLosses reference);
}

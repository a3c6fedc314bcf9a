package org.adaptivesparse.selection;

import java.util.List;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.OptionSpec;

/**
 * {@code reducible}: reducible holdout loss selection (RHO-LOSS, Mindermann et al. 2022, arXiv
 * 2206.07137). A sample's score is its current loss minus its irreducible loss, the loss of a
 * reference model that never trained on it ({@link ReferenceOptions}): high for what is learnable and
 * not yet learnt, low for what is learnt already and for what cannot be learnt (a wrong label keeps a
 * high loss under both models). {@code reducibleScores} chooses a fresh scoring forward per batch or
 * the losses stored from training forwards.
 */
public final class ReducibleMode implements AstMode {
    public static final Option<ReducibleScores> SCORES = OptionSpec.choice("reducibleScores", ReducibleScores.class,
            ReducibleScores.FRESH, "With reducible selection: fresh (a scoring forward over each batch, its top"
                    + " round(target * B) trained) or stored (losses from the last training forward, no extra forward;"
                    + " the epoch's highest, spread over its batches)").comparable().declare();

    @Override
    public String id() {
        return "reducible";
    }

    @Override
    public String description() {
        return "current loss minus a reference model's loss as RHO-LOSS scores, for noisy labels";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(SCORES, ReferenceOptions.HOLDOUT, ReferenceOptions.EPOCHS,
                ReferenceOptions.MODEL);
    }

    @Override
    public boolean usesReferenceModel() {
        return true;
    }

    @Override
    public SelectionStrategy create(ExperimentConfig cfg, ImageTensors train, ScoringModel model,
            ReferenceLosses reference) {
        SplittableRandom random = new SplittableRandom(cfg.seed() * 31 + 9);
        return cfg.get(SCORES) == ReducibleScores.FRESH
                ? new ReducibleSelection.Fresh(train, model, reference, cfg.targetActivation())
                : new ReducibleSelection.Stored(train, reference, cfg.targetActivation(), random);
    }
}

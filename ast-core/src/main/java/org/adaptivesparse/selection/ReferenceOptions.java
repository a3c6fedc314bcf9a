package org.adaptivesparse.selection;

import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.OptionSpec;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.ProjectReferences;

/**
 * The options of the reference model the {@code reducible} and {@code filter} modes share: how many
 * samples it trains on, held out from every policy alike, and for how long. Each of those modes lists
 * them among its own. The model is the experiment's own network (or {@code referenceModel}), trained on
 * the full holdout with the experiment's batch size and learning rate, once per data set, seed and
 * holdout, and cached.
 */
public final class ReferenceOptions {
    /** The largest holdout: beyond it the policies would train on less than half the data. */
    static final double MAX_HOLDOUT = 0.5;

    public static final Option<Double> HOLDOUT = OptionSpec.ratio("referenceHoldout", 0.15,
            "With reducible or filter selection: the share of the training set the reference model trains on,"
                    + " held out from every policy alike (the random-all control trains on it too); 0: the two-halves"
                    + " variant, two reference models each scoring the half it did not see, nothing held out")
            .check((v, o) -> {
                if (!(v >= 0 && v <= MAX_HOLDOUT)) {
                    throw new ConfigException("referenceHoldout", "referenceHoldout " + OptionSpec.fmt(v)
                            + " is out of range; allowed: 0 (two halves, nothing held out) to " + MAX_HOLDOUT
                            + " (e.g. 0.15 or 15%)");
                }
                if (v == 0 && o.get(Options.CONTROLS).contains(Policy.RANDOM_ALL)) {
                    throw new ConfigException("controls", "controls lists random-all, but referenceHoldout 0 (two"
                            + " halves) holds nothing out, so random-all would be random again; list random, or"
                            + " set referenceHoldout above 0");
                }
                return v;
            }).comparable().declare();
    public static final Option<Integer> EPOCHS = OptionSpec.integer("referenceEpochs", 2,
            "With reducible or filter selection: epochs the reference model trains on its holdout")
            .check(OptionSpec.atLeast("referenceEpochs", 1, null)).comparable().declare();

    public static final Option<String> MODEL = OptionSpec.text("referenceModel", "",
            "With reducible or filter selection: the reference model's network, as model names one (mlp, cnn, or a"
                    + " class of your project); empty: the experiment's own network")
            .check((v, o) -> v == null || v.isBlank() ? "" : ProjectReferences.checkNetwork("referenceModel", v, o))
            .comparable().declare();

    private ReferenceOptions() {
    }
}

package org.adaptivesparse.selection;

import java.util.List;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.OptionSpec;

/**
 * {@code smallloss}: for noisy labels. No scoring forward; each sample's loss as last seen in its own
 * training forward. Once per epoch the {@code smallLossDrop} share of all samples with the highest
 * stored losses (where mislabelled samples gather) is left out, and the budget is drawn uniformly at
 * random from the rest: the small-loss trick of co-teaching (Han et al. 2018). In the label-noise
 * probe (shared/research/selection-experiments.md, 30 % symmetric noise) dropping each batch's 30 %
 * highest losses cut the mislabelled share of trained samples from 0.30 to 0.06-0.08. See
 * {@link SmallLossSelection}.
 */
public final class SmallLossMode implements AstMode {
    public static final Option<Double> DROP = OptionSpec.ratio("smallLossDrop", 0.3,
            "With smallloss selection: the share of all samples, highest stored losses first, left out of the draw")
            .check((v, o) -> {
                if (!(v >= 0 && v < 1)) {
                    throw new ConfigException("smallLossDrop", "smallLossDrop " + OptionSpec.fmt(v)
                            + " is out of range; allowed: 0 (drop none) up to but not including 1");
                }
                return v;
            }).comparable().declare();
    public static final Option<Integer> RAMP_EPOCHS = OptionSpec.integer("smallLossRampEpochs", 0,
            "With smallloss selection: epochs over which the drop grows linearly from 0 to smallLossDrop, as"
                    + " co-teaching does (0: the whole drop from the first epoch)")
            .check(OptionSpec.atLeast("smallLossRampEpochs", 0, "0 drops the whole share from the first epoch"))
            .comparable(o -> o.get(SmallLossMode.RAMP_EPOCHS) != 0).declare();

    @Override
    public String id() {
        return "smallloss";
    }

    @Override
    public String description() {
        return "uniform draws among all but the highest stored losses, for noisy labels";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(DROP, RAMP_EPOCHS);
    }

    @Override
    public SelectionStrategy create(ExperimentConfig cfg, ImageTensors train, ScoringModel model,
            ReferenceLosses reference) {
        return new SmallLossSelection(train, Settings.of(cfg), new SplittableRandom(cfg.seed() * 31 + 6));
    }

    /**
     * What {@link SmallLossSelection} is built from.
     *
     * @param target the fraction of samples trained per epoch
     * @param drop   the share of all samples, highest stored losses first, left out of the draw
     * @param rampEpochs epochs over which the drop grows linearly from 0 to {@code drop}; 0 for none
     */
    public record Settings(double target, double drop, int rampEpochs) {
        public static Settings of(ExperimentConfig cfg) {
            return new Settings(cfg.targetActivation(), cfg.get(DROP), cfg.get(RAMP_EPOCHS));
        }

        /**
         * The drop in 1-based {@code epoch}: co-teaching's schedule, {@code drop * min(1, (epoch - 1) / rampEpochs)},
         * so the first epoch, whose losses are all still unknown, drops nothing.
         */
        double dropAt(int epoch) {
            return rampEpochs == 0 ? drop : drop * Math.min(1.0, (epoch - 1) / (double) rampEpochs);
        }
    }
}

package org.adaptivesparse.selection;

import java.util.List;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.OptionSpec;

/**
 * {@code importance}: no scoring forward; unbiased importance sampling from stored scores
 * (Katharopoulos and Fleuret 2018). Once per epoch the budget is drawn without replacement with
 * probability proportional to {@code score^importanceAlpha} mixed with the uniform
 * {@code importanceFloor}, and each trained sample's loss is weighted by {@code 1 / (n p_i)}, clipped
 * and normalised to mean 1 over the epoch's draws. See {@link ImportanceSelection}.
 */
public final class ImportanceMode implements AstMode {
    // alpha 1: Katharopoulos and Fleuret's sampling proportional to the score. Floor 0.3: the share of uniform
    // sampling the stale mode measured best with (staleExploration), so the two modes differ in the reweighting;
    // it also bounds every weight by 1 / 0.3 = 3.3.
    public static final Option<Double> ALPHA = OptionSpec.number("importanceAlpha", 1.0,
            "With importance selection: the exponent of the stored score in the sampling probability, 0 for uniform")
            .check((v, o) -> {
                if (!(v >= 0 && v <= 10)) {
                    throw new ConfigException("importanceAlpha", "importanceAlpha " + OptionSpec.fmt(v)
                            + " is out of range; allowed: 0 (uniform) to 10");
                }
                return v;
            }).comparable().declare();
    public static final Option<Double> FLOOR = OptionSpec.ratio("importanceFloor", 0.3,
            "With importance selection: the share of the sampling probability spread uniformly, greater than 0 and"
                    + " at most 1 (1: uniform); every loss weight is at most 1 / importanceFloor")
            .check((v, o) -> {
                if (!(v > 0 && v <= 1)) {
                    throw new ConfigException("importanceFloor", "importanceFloor " + OptionSpec.fmt(v) + " is out of"
                            + " range; allowed: greater than 0 (a sample never drawn cannot be reweighted) and at most 1");
                }
                return v;
            }).comparable().declare();

    @Override
    public String id() {
        return "importance";
    }

    @Override
    public String description() {
        return "unbiased importance sampling from stored scores, loss-weighted";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(StoredScoreOptions.SCORE, ALPHA, FLOOR, StoredScoreOptions.PRESSURE_SCHEDULE,
                StoredScoreOptions.PRIME_EPOCHS);
    }

    @Override
    public SelectionStrategy create(ExperimentConfig cfg, ImageTensors train, ScoringModel model,
            ReferenceLosses reference) {
        return new ImportanceSelection(train, Settings.of(cfg), new SplittableRandom(cfg.seed() * 31 + 5));
    }

    /**
     * What {@link ImportanceSelection} is built from.
     *
     * @param target the fraction of samples trained per epoch
     * @param alpha  the exponent of the stored score in the sampling probability
     * @param floor  the uniform share of the sampling probability
     * @param stored the score and the pressure over the run
     */
    public record Settings(double target, double alpha, double floor, StoredScoreOptions.Settings stored) {
        public static Settings of(ExperimentConfig cfg) {
            return new Settings(cfg.targetActivation(), cfg.get(ALPHA), cfg.get(FLOOR), StoredScoreOptions.Settings.of(cfg));
        }
    }
}

package org.adaptivesparse.selection;

import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.OptionSpec;
import org.adaptivesparse.config.Options;

/**
 * The options the stored-score modes ({@code stale}, {@code importance}) share: what is stored of
 * each sample, and how the selection pressure moves over the run. Each of those modes lists them
 * among its own; they apply while either is selected.
 */
public final class StoredScoreOptions {
    public static final Option<ScoreKind> SCORE = OptionSpec.choice("score", ScoreKind.class, ScoreKind.LOSS,
            "With stale or importance selection: the score stored from each training forward, loss, gradnorm"
                    + " (||softmax - onehot||, the last layer's gradient-norm bound) or article (lossWeight * loss +"
                    + " stdWeight * pixel spread, normalised over the forward's samples)")
            .comparable(o -> o.get(StoredScoreOptions.SCORE) != ScoreKind.LOSS).declare();
    public static final Option<Pressure> PRESSURE_SCHEDULE = OptionSpec.choice("pressureSchedule", Pressure.class,
            Pressure.CONSTANT, "With stale or importance selection: constant, or decay (the uniform share,"
                    + " staleExploration or importanceFloor, grows linearly to 1 by the last epoch)")
            .comparable(o -> o.get(StoredScoreOptions.PRESSURE_SCHEDULE) != Pressure.CONSTANT).declare();
    public static final Option<Integer> PRIME_EPOCHS = OptionSpec.integer("primeEpochs", 0,
            "With stale or importance selection: first epochs drawn uniformly at random at the same budget")
            .check((v, o) -> {
                int selecting = o.get(Options.EPOCHS) - o.get(Options.WARMUP_EPOCHS);
                if (v < 0 || v >= selecting) {
                    throw new ConfigException("primeEpochs", "primeEpochs " + v + " is out of range; allowed: 0 to"
                            + " epochs - warmupEpochs - 1 (" + (selecting - 1) + ")");
                }
                return v;
            }).comparable(o -> o.get(StoredScoreOptions.PRIME_EPOCHS) != 0).declare();

    private StoredScoreOptions() {
    }

    /**
     * A stored-score mode's shared settings.
     *
     * @param score           what is stored of each sample
     * @param lossWeight      with {@code article}: the loss's weight in the significance
     * @param stdWeight       with {@code article}: the pixel spread's weight
     * @param pressure        how the uniform share moves over the run
     * @param primeEpochs     first epochs drawn uniformly
     * @param selectingEpochs the epochs the strategy selects in (after any {@code warmupEpochs})
     */
    public record Settings(ScoreKind score, double lossWeight, double stdWeight, Pressure pressure, int primeEpochs,
            int selectingEpochs) {
        public static Settings of(ExperimentConfig cfg) {
            return new Settings(cfg.get(SCORE), cfg.lossWeight(), cfg.stdWeight(), cfg.get(PRESSURE_SCHEDULE),
                    cfg.get(PRIME_EPOCHS), cfg.epochs() - cfg.warmupEpochs());
        }

        /** An empty store of these scores for the training set. */
        StoredScores scores(ImageTensors t) {
            return new StoredScores(t, score, new Significance(lossWeight, stdWeight));
        }

        PressureSchedule schedule() {
            return new PressureSchedule(pressure == Pressure.DECAY, primeEpochs, selectingEpochs);
        }
    }
}

package org.adaptivesparse.selection;

import java.util.List;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.OptionSpec;

/**
 * {@code stale}: no scoring forward; each sample's score as last seen in its own training forward
 * pass. Once per epoch the budget is filled with samples drawn by stored score ({@code 1 -
 * staleExploration} of it; see {@code staleSampling}, {@code staleSkipTop}) and random samples (the
 * rest, so none starves), spread evenly over the batches; an optional inference sweep refreshes every
 * stored loss every {@code staleRefreshEpochs} epochs (0: never). The rate is exact by construction,
 * so the controller is not used. See {@link StaleAstSelection}.
 */
public final class StaleMode implements AstMode {
    // Measured on 60k Fashion-MNIST (docs/benchmarks.md): a refresh sweep turns the loss-driven share into the
    // globally hardest samples and costs 3 to 8 points of accuracy in the epoch after it, so none by default.
    public static final Option<Integer> REFRESH_EPOCHS = OptionSpec.integer("staleRefreshEpochs", 0,
            "With stale selection: epochs between sweeps that refresh every stored loss, 0 for never")
            .check(OptionSpec.atLeast("staleRefreshEpochs", 0, "0 means never")).comparable().declare();
    // Proportional sampling with 30 % random was the best stale variant at epoch resolution (seeds 42, 1-7); on
    // fresh seeds with 4 evaluations per epoch it reached 0.88 before random on 1 of 4 (docs/benchmarks.md).
    public static final Option<Double> EXPLORATION = OptionSpec.ratio("staleExploration", 0.3,
            "With stale selection: the share of the budget drawn uniformly at random")
            .check(OptionSpec.unit("staleExploration")).comparable().declare();
    public static final Option<StaleSampling> SAMPLING = OptionSpec.choice("staleSampling", StaleSampling.class,
            StaleSampling.PROPORTIONAL, "With stale selection: how the loss-driven share is drawn, proportional (to"
                    + " the stored loss), greedy, coverage (stored loss times epochs since last trained) or percentile"
                    + " (Selective Backprop: percentile of the stored loss among recent ones, to the power"
                    + " percentileBeta)")
            .comparable().declare();
    // Selective Backprop's beta 3 selects about a quarter of a stream (E[U^3] = 1/4); here the budget is fixed,
    // and beta sets how strongly the draw leans to high percentiles.
    public static final Option<Double> PERCENTILE_BETA = OptionSpec.number("percentileBeta", 3.0,
            "With staleSampling percentile: the exponent of the percentile in a sample's weight")
            .check((v, o) -> {
                if (!(v >= 0 && v <= 20)) {
                    throw new ConfigException("percentileBeta", "percentileBeta " + OptionSpec.fmt(v)
                            + " is out of range; allowed: 0 (uniform) to 20");
                }
                return v;
            }).comparable(o -> o.get(StaleMode.SAMPLING) == StaleSampling.PERCENTILE).declare();
    public static final Option<Double> SKIP_TOP = OptionSpec.ratio("staleSkipTop", 0.0,
            "With stale selection: the fraction of highest stored losses left out of the loss-driven share")
            .check((v, o) -> {
                if (!(v >= 0 && v < 1)) {
                    throw new ConfigException("staleSkipTop", "staleSkipTop " + OptionSpec.fmt(v)
                            + " is out of range; allowed: 0 (skip none) up to but not including 1");
                }
                return v;
            }).comparable().declare();

    @Override
    public String id() {
        return "stale";
    }

    @Override
    public String description() {
        return "stored losses";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(REFRESH_EPOCHS, EXPLORATION, SAMPLING, PERCENTILE_BETA, SKIP_TOP, StoredScoreOptions.SCORE,
                StoredScoreOptions.PRESSURE_SCHEDULE, StoredScoreOptions.PRIME_EPOCHS);
    }

    @Override
    public SelectionStrategy create(ExperimentConfig cfg, ImageTensors train, ScoringModel model,
            ReferenceLosses reference) {
        return new StaleAstSelection(train, model, Settings.of(cfg), new SplittableRandom(cfg.seed() * 31 + 3));
    }

    /**
     * What {@link StaleAstSelection} is built from.
     *
     * @param target         the fraction of samples trained per epoch
     * @param refreshEvery   epochs between refresh sweeps, 0 for never
     * @param exploration    the share of the budget drawn uniformly
     * @param sampling       how the score-driven share is drawn
     * @param percentileBeta with {@code percentile}: the exponent of the percentile
     * @param skipTop        the fraction of highest stored scores left to the random share
     * @param stored         the score and the pressure over the run
     */
    public record Settings(double target, int refreshEvery, double exploration, StaleSampling sampling,
            double percentileBeta, double skipTop, StoredScoreOptions.Settings stored) {
        public static Settings of(ExperimentConfig cfg) {
            return new Settings(cfg.targetActivation(), cfg.get(REFRESH_EPOCHS), cfg.get(EXPLORATION),
                    cfg.get(SAMPLING), cfg.get(PERCENTILE_BETA), cfg.get(SKIP_TOP), StoredScoreOptions.Settings.of(cfg));
        }
    }
}

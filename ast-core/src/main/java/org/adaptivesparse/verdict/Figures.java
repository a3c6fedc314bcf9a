package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.Comparisons;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.Spread;

/**
 * Every figure a limit may hold, declared once, in the order the flat options are checked. Adding a
 * gated figure is one declaration here: a name, how to read it seed by seed, its unit and, when a
 * flat option is to be its short form, that option.
 */
public final class Figures {
    /** AST's final test accuracy ({@code minAccuracy}). */
    public static final Figure ACCURACY = Figure.ofPolicy("accuracy", Figure.Unit.RATIO,
            (c, r, p) -> r.spread(p, RunResult::finalAccuracy))
            .broken((c, r, l, v) -> {
                int done = r.runs(l.policy()).get(0).epochs().size();
                return " (epoch " + done + " of " + r.setting(Options.EPOCHS).orElse(done) + ")";
            }, "raise epochs or lower the threshold")
            .shortForm(Options.MIN_ACCURACY, Policy.AST, true);

    /**
     * The largest |activation - target| of each seed's checked epochs ({@code maxActivationError}). The
     * controller needs an epoch to settle after warmup (or from the initial threshold), so the first AST
     * epoch is exempt unless it is the only one.
     */
    public static final Figure ACTIVATION_ERROR = Figure.ofPolicy("activationError", Figure.Unit.RATIO,
            (c, r, p) -> r.spread(p, run -> worstActivationError(c.targetActivation(), c.warmupEpochs(), run)))
            .label("activation error").emptyHolds()
            .broken(Figures::activationErrorDetail, "tune kp/ki or widen the limit")
            .shortForm(Options.MAX_ACTIVATION_ERROR, Policy.AST, false);

    /** Modeled energy savings over the run ({@code minSavings}). */
    public static final Figure MODELED_SAVINGS = Figure.ofPolicy("modeledSavings", Figure.Unit.RATIO,
            (c, r, p) -> r.spread(p, RunResult::modeledSavings))
            .label("modeled savings").broken((c, r, l, v) -> "", "lower targetActivation or the threshold")
            .shortForm(Options.MIN_SAVINGS, Policy.AST, true);

    /** The control's median epoch seconds over AST's, per seed ({@code minSpeedup}: against full). */
    public static final Figure SPEEDUP = Figure.versusControl("speedup", Figure.Unit.FACTOR,
            (c, r, p) -> perSeed(r, p, Comparisons::speedup))
            .label(p -> p == Policy.FULL ? "measured speedup" : "measured speedup vs " + p.id())
            .metric(p -> p == Policy.FULL ? "speedup" : "speedupVs" + Figure.capitalized(p)).seedCountOnly()
            .broken((c, r, l, v) -> " (median epoch seconds: " + l.policy().id() + " "
                    + Fmt.seconds(r.spread(l.policy(), x -> x.medianEpochSeconds(false)).median()) + ", ast "
                    + Fmt.seconds(r.spread(Policy.AST, x -> x.medianEpochSeconds(true)).median()) + ")",
                    "try selection stale, a larger model or batch, or lower the threshold")
            .unavailable((c, r, l, v) -> v.n() > 0 ? Optional.empty() : Optional.of(noControl(l)))
            .paired((r, p) -> pairedValues(r, p, Comparisons::speedup))
            .shortForm(Options.MIN_SPEEDUP, Policy.FULL, true);

    /** The control's final accuracy minus AST's, per seed ({@code maxAccuracyDropVsFull}). */
    public static final Figure ACCURACY_DROP = Figure.versusControl("accuracyDrop", Figure.Unit.RATIO,
            (c, r, p) -> drops(r, p))
            .label("accuracy drop")
            .broken((c, r, l, v) -> " (ast " + Fmt.ratio(r.spread(Policy.AST, RunResult::finalAccuracy).median())
                    + ", " + l.policy().id() + " " + Fmt.ratio(r.spread(l.policy(), RunResult::finalAccuracy).median())
                    + (r.seedCount() > 1 ? ", medians" : "") + ")",
                    "raise epochs or targetActivation, or widen the limit")
            .unavailable((c, r, l, v) -> r.run(l.policy()).isPresent() ? Optional.empty() : Optional.of(noControl(l)))
            .paired(Figures::dropValues)
            .shortForm(Options.MAX_ACCURACY_DROP_VS_FULL, Policy.FULL, false);

    /**
     * The selection lift of the last epoch ({@code minSelectionLift}). A scorer that does nothing still
     * trains at the target rate and, on easy data, about as accurately as AST: the lift tells them apart.
     */
    public static final Figure SELECTION_LIFT = Figure.ofPolicy("selectionLift", Figure.Unit.LIFT,
            (c, r, p) -> r.spread(p, RunResult::finalSelectionLift))
            .label("selection lift")
            .broken((c, r, l, v) -> {
                Spread random = r.spread(Policy.RANDOM, RunResult::finalSelectionLift);
                String control = random.n() == 0 ? "random selection gets about 1.00"
                        : "the random control got " + Fmt.twoDecimals(random.median());
                return " (epoch " + r.runs(l.policy()).get(0).epochs().size() + ": AST's trained samples had "
                        + Fmt.twoDecimals(l.aggregate().of(v))
                        + "x the mean loss of the samples it could have trained; " + control + ")";
            }, "check the scorer, or lower the threshold")
            .unavailable((c, r, l, v) -> v.n() > 0 ? Optional.empty()
                    : Optional.of("selection lift is unavailable (no AST epoch measured it); remove " + l.name()
                            + " or rerun with this version"))
            .shortForm(Options.MIN_SELECTION_LIFT, Policy.AST, true);

    /**
     * AST's training seconds to {@code targetAccuracy} over the control's, per seed: +Infinity where
     * AST never reached it, 0 where only AST did ({@code maxTimeToTargetVsRandom}, {@code ...VsFull}).
     */
    public static final Figure TIME_TO_TARGET = Figure.versusControl("timeToTarget", Figure.Unit.FACTOR,
            (c, r, p) -> TimeToTarget.ratios(r, p))
            .check(TimeToTarget::check)
            .shortForm(Options.MAX_TIME_TO_TARGET_VS_RANDOM, Policy.RANDOM, false)
            .shortForm(Options.MAX_TIME_TO_TARGET_VS_FULL, Policy.FULL, false);

    /** The final test loss, for limits only. */
    public static final Figure TEST_LOSS = Figure.ofPolicy("testLoss", Figure.Unit.RATIO,
            (c, r, p) -> r.spread(p, RunResult::finalTestLoss)).label("test loss");

    /** Trained over seen samples over the whole run, for limits only. */
    public static final Figure ACTIVATION = Figure.ofPolicy("activation", Figure.Unit.RATIO,
            (c, r, p) -> r.spread(p, RunResult::activationRate));

    /**
     * With synthetic label noise ({@code labelNoise}), the share of the samples a policy trained whose
     * label the noise changed: loss-driven selection picks mislabelled samples, as a wrong label keeps
     * a high loss. {@code ast.mislabelledShare <= 0.35} in {@code limits}; unavailable without noise.
     */
    public static final Figure MISLABELLED_SHARE = Figure.ofPolicy("mislabelledShare", Figure.Unit.RATIO,
            (c, r, p) -> r.spread(p, RunResult::mislabelled)).label("mislabelled share");

    /** Every figure, the flat options' first in the order they are checked. */
    public static final List<Figure> ALL = List.of(ACCURACY, ACTIVATION_ERROR, MODELED_SAVINGS, SPEEDUP,
            ACCURACY_DROP, SELECTION_LIFT, TIME_TO_TARGET, TEST_LOSS, ACTIVATION, MISLABELLED_SHARE);

    private Figures() {
    }

    /** Every name a limit may write: {@code accuracy}, {@code timeToTargetVsRandom}, ... */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Figure f : ALL) {
            if (f.versus()) {
                for (Policy p : Policy.values()) {
                    if (p != Policy.AST) {
                        out.add(f.nameFor(p));
                    }
                }
            } else {
                out.add(f.name());
            }
        }
        return out;
    }

    private static String noControl(Limit l) {
        String c = l.policy().id();
        return l.figure().label(l.policy()) + " is unavailable: no " + c + " control ran; add " + c
                + " to controls or remove " + l.name();
    }

    /** {@code figure} of AST against the control on each seed both ran, undefined values left out. */
    private static Spread perSeed(ExperimentResult r, Policy control, BiFunction<RunResult, RunResult, Double> figure) {
        return Spread.of(pairedValues(r, control, figure));
    }

    /** {@code figure} of AST against the control, one value per seed both ran, undefined values left out. */
    static double[] pairedValues(ExperimentResult r, Policy control, BiFunction<RunResult, RunResult, Double> figure) {
        return Comparisons.pairs(r.runs(), control).stream().map(p -> figure.apply(p.get(0), p.get(1)))
                .filter(d -> d != null).mapToDouble(Double::doubleValue).toArray();
    }

    /** The control's final accuracy minus AST's, seed by seed in run order. */
    private static Spread drops(ExperimentResult result, Policy control) {
        return Spread.of(dropValues(result, control));
    }

    private static double[] dropValues(ExperimentResult result, Policy control) {
        List<RunResult> asts = result.runs(Policy.AST);
        List<RunResult> others = result.runs(control);
        double[] drops = new double[Math.min(asts.size(), others.size())];
        for (int i = 0; i < drops.length; i++) {
            drops[i] = others.get(i).finalAccuracy() - asts.get(i).finalAccuracy();
        }
        return drops;
    }

    /** The largest |activation - target| over the epochs {@code maxActivationError} checks; 0 when there are none. */
    static double worstActivationError(double target, int warmupEpochs, RunResult run) {
        return worstEpoch(target, warmupEpochs, run).map(e -> error(e, target)).orElse(0.0);
    }

    private static double error(EpochMetrics e, double target) {
        double err = Math.abs(e.activationRate() - target);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    private static Optional<EpochMetrics> worstEpoch(double target, int warmupEpochs, RunResult run) {
        List<EpochMetrics> selecting = run.epochs().stream()
                .filter(e -> e.epoch() > warmupEpochs && !e.isWarmup()).toList();
        List<EpochMetrics> checked = selecting.size() <= 1 ? selecting : selecting.subList(1, selecting.size());
        EpochMetrics worst = null;
        for (EpochMetrics e : checked) {
            if (worst == null || error(e, target) > error(worst, target)) {
                worst = e;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** Names the worst epoch of all seeds: {@code (seed 42, epoch 3: activation 0.13, target 0.10)}. */
    private static String activationErrorDetail(LimitCheck.Context c, ExperimentResult result, Limit l, Spread v) {
        double target = c.targetActivation();
        RunResult worstRun = null;
        for (RunResult r : result.runs(l.policy())) {
            if (worstRun == null || worstActivationError(target, c.warmupEpochs(), r)
                    > worstActivationError(target, c.warmupEpochs(), worstRun)) {
                worstRun = r;
            }
        }
        EpochMetrics worst = worstEpoch(target, c.warmupEpochs(), worstRun).orElseThrow();
        String where = (result.seedCount() > 1 && worstRun.seed() != null ? "seed " + worstRun.seed() + ", " : "")
                + "epoch " + worst.epoch();
        return " (" + where + ": activation " + Fmt.ratio(worst.activationRate()) + ", target " + Fmt.ratio(target)
                + ")";
    }
}

package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.EvalPoint;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.Violation;
import org.adaptivesparse.stats.Spread;

/**
 * Applies the absolute thresholds to a result. The messages are the ones the Maven goal and the
 * JUnit extension show, word for word.
 */
public final class ThresholdCheck {
    private ThresholdCheck() {
    }

    /**
     * Every broken threshold, plus one violation per diverged run, in a fixed order: divergence,
     * minAccuracy, maxActivationError, minSavings, minSpeedup, maxAccuracyDropVsFull, minSelectionLift,
     * maxTimeToTargetVsRandom, maxTimeToTargetVsFull.
     *
     * @param thresholds       the limits; a null limit is not checked
     * @param targetActivation the AST target the activation error is measured against
     * @param warmupEpochs     full-training epochs before AST starts
     */
    public static List<Violation> check(Thresholds thresholds, double targetActivation, int warmupEpochs,
            ExperimentResult result) {
        return checks(thresholds, targetActivation, warmupEpochs, result).stream().filter(c -> !c.held())
                .map(c -> new Violation(c.metric(), c.value(), c.limit(), c.message())).toList();
    }

    /**
     * Every configured threshold with its outcome, held or not, plus one broken check per diverged
     * run, in the order of {@link #check}; a broken check's message is its violation's.
     */
    public static List<Check> checks(Thresholds thresholds, double targetActivation, int warmupEpochs,
            ExperimentResult result) {
        List<Check> out = new ArrayList<>();
        RunResult ast = result.ast();
        for (RunResult r : result.runs()) {
            if (r.diverged() != null) {
                out.add(new Check(Check.THRESHOLD, "divergence", "diverged", Double.NaN, Double.NaN, true, false,
                        r.policy() == Policy.AST ? "training diverged: " + r.diverged()
                                : "training diverged in the " + r.policy() + " control: " + r.diverged()));
            }
        }
        if (thresholds == null) {
            return out;
        }
        int seeds = result.seedCount();
        if (thresholds.minAccuracy() != null) {
            double min = thresholds.minAccuracy();
            Spread acc = result.spread(Policy.AST, RunResult::finalAccuracy);
            out.add(minAccuracy(min, acc, ast, result)
                    .map(v -> broken("minAccuracy", true, v))
                    .orElseGet(() -> held("minAccuracy", "accuracy", acc.median(), min, true,
                            "accuracy " + Fmt.ratio(acc.median()) + Fmt.overSeeds(acc, seeds)
                                    + " is at least minAccuracy " + Fmt.ratio(min))));
        }
        if (thresholds.maxActivationError() != null) {
            double max = thresholds.maxActivationError();
            out.add(activationError(max, targetActivation, warmupEpochs, result)
                    .map(v -> broken("maxActivationError", false, v))
                    .orElseGet(() -> {
                        Spread err = result.spread(Policy.AST, r -> worstActivationError(targetActivation, warmupEpochs, r));
                        return held("maxActivationError", "activationError", err.median(), max, false,
                                "activation error " + Fmt.ratio(err.median()) + Fmt.overSeeds(err, seeds)
                                        + " is within maxActivationError " + Fmt.ratio(max));
                    }));
        }
        if (thresholds.minSavings() != null) {
            Spread sav = result.spread(Policy.AST, RunResult::modeledSavings);
            double s = sav.median();
            double min = thresholds.minSavings();
            if (!(s >= min - Fmt.EPS)) {
                out.add(broken("minSavings", true, new Violation("modeledSavings", s, min, "modeled savings "
                        + Fmt.ratio(s) + Fmt.overSeeds(sav, seeds) + " is below minSavings " + Fmt.ratio(min)
                        + "; lower targetActivation or the threshold")));
            } else {
                out.add(held("minSavings", "modeledSavings", s, min, true, "modeled savings " + Fmt.ratio(s)
                        + Fmt.overSeeds(sav, seeds) + " is at least minSavings " + Fmt.ratio(min)));
            }
        }
        if (thresholds.minSpeedup() != null) {
            double min = thresholds.minSpeedup();
            out.add(minSpeedup(min, result)
                    .map(v -> broken("minSpeedup", true, v))
                    .orElseGet(() -> {
                        double sp = result.comparison().speedupVsFull();
                        return held("minSpeedup", "speedup", sp, min, true, "measured speedup " + Fmt.speedup(sp)
                                + (seeds > 1 ? " (median of " + seeds + " seeds)" : "")
                                + " is at least minSpeedup " + Fmt.speedup(min));
                    }));
        }
        if (thresholds.maxAccuracyDropVsFull() != null) {
            double max = thresholds.maxAccuracyDropVsFull();
            out.add(accuracyDropVsFull(max, result)
                    .map(v -> broken("maxAccuracyDropVsFull", false, v))
                    .orElseGet(() -> {
                        Spread drop = dropsVsFull(result);
                        return held("maxAccuracyDropVsFull", "accuracyDropVsFull", drop.median(), max, false,
                                "accuracy drop vs full " + Fmt.ratio(drop.median()) + Fmt.overSeeds(drop, seeds)
                                        + " is within maxAccuracyDropVsFull " + Fmt.ratio(max));
                    }));
        }
        if (thresholds.minSelectionLift() != null) {
            double min = thresholds.minSelectionLift();
            Spread lift = result.spread(Policy.AST, RunResult::finalSelectionLift);
            out.add(selectionLift(min, lift, result)
                    .map(v -> broken("minSelectionLift", true, v))
                    .orElseGet(() -> held("minSelectionLift", "selectionLift", lift.median(), min, true,
                            "selection lift " + Fmt.twoDecimals(lift.median()) + Fmt.overSeedsTwo(lift, seeds)
                                    + " is at least minSelectionLift " + Fmt.twoDecimals(min))));
        }
        if (thresholds.maxTimeToTargetVsRandom() != null) {
            out.add(timeToTargetCheck("maxTimeToTargetVsRandom", thresholds.maxTimeToTargetVsRandom(), Policy.RANDOM,
                    thresholds.targetAccuracy(), result));
        }
        if (thresholds.maxTimeToTargetVsFull() != null) {
            out.add(timeToTargetCheck("maxTimeToTargetVsFull", thresholds.maxTimeToTargetVsFull(), Policy.FULL,
                    thresholds.targetAccuracy(), result));
        }
        return out;
    }

    private static Check timeToTargetCheck(String name, double max, Policy control, Double target,
            ExperimentResult result) {
        return timeToTarget(name, max, control, target, result)
                .map(v -> broken(name, false, v))
                .orElseGet(() -> {
                    String metric = metric(control);
                    Spread ratios = timeRatios(result, control);
                    if (ratios.median() == 0) {
                        RunResult ast = result.ast();
                        return held(name, metric, Double.NaN, max, false, "AST reached targetAccuracy"
                                + (result.seedCount() > 1 ? " on most seeds" : " in " + Fmt.seconds(ast.timeToTargetSeconds()))
                                + "; " + control + " did not");
                    }
                    return held(name, metric, ratios.median(), max, false, "time to target "
                            + Fmt.speedup(ratios.median()) + " " + control + "'s"
                            + (result.seedCount() > 1 ? " (median of " + ratios.n() + " seeds)" : "")
                            + " is within " + name + " " + Fmt.speedup(max));
                });
    }

    private static String metric(Policy policy) {
        String control = policy.id();
        return "timeToTargetVs" + Character.toUpperCase(control.charAt(0)) + control.substring(1);
    }

    private static Check broken(String rule, boolean atLeast, Violation v) {
        return new Check(Check.THRESHOLD, rule, v.metric(), v.actual(), v.limit(), atLeast, false, v.message());
    }

    private static Check held(String rule, String metric, double value, double limit, boolean atLeast, String message) {
        return new Check(Check.THRESHOLD, rule, metric, value, limit, atLeast, true, message);
    }

    /** The largest |activation - target| over the epochs {@code maxActivationError} checks; 0 when there are none. */
    static double worstActivationError(double target, int warmupEpochs, RunResult ast) {
        return worstEpoch(target, warmupEpochs, ast).map(e -> error(e, target)).orElse(0.0);
    }

    private static double error(EpochMetrics e, double target) {
        double err = Math.abs(e.activationRate() - target);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    /**
     * The checked epoch furthest from the target. The controller needs an epoch to settle after warmup
     * (or from the initial threshold), so the first AST epoch is exempt unless it is the only one.
     */
    private static Optional<EpochMetrics> worstEpoch(double target, int warmupEpochs, RunResult ast) {
        List<EpochMetrics> astEpochs = ast.epochs().stream()
                .filter(e -> e.epoch() > warmupEpochs && !e.isWarmup()).toList();
        List<EpochMetrics> checked = astEpochs.size() <= 1 ? astEpochs : astEpochs.subList(1, astEpochs.size());
        EpochMetrics worst = null;
        for (EpochMetrics e : checked) {
            if (worst == null || error(e, target) > error(worst, target)) {
                worst = e;
            }
        }
        return Optional.ofNullable(worst);
    }

    private static Optional<Violation> minAccuracy(double min, Spread acc, RunResult ast, ExperimentResult result) {
        if (acc.median() >= min - Fmt.EPS) {
            return Optional.empty();
        }
        int done = ast.epochs().size();
        int planned = result.setting(Options.EPOCHS).orElse(done);
        return Optional.of(new Violation("accuracy", acc.median(), min, "accuracy " + Fmt.ratio(acc.median())
                + Fmt.overSeeds(acc, result.seedCount()) + " is below minAccuracy " + Fmt.ratio(min) + " (epoch " + done
                + " of " + planned + "); raise epochs or lower the threshold"));
    }

    /** The median over seeds of each seed's worst checked epoch; the message names the worst epoch of all. */
    private static Optional<Violation> activationError(double max, double target, int warmupEpochs,
            ExperimentResult result) {
        Spread errors = result.spread(Policy.AST, r -> worstActivationError(target, warmupEpochs, r));
        if (errors.n() == 0 || errors.median() <= max + Fmt.EPS) {
            return Optional.empty();
        }
        RunResult worstRun = null;
        for (RunResult r : result.runs(Policy.AST)) {
            if (worstRun == null || worstActivationError(target, warmupEpochs, r)
                    > worstActivationError(target, warmupEpochs, worstRun)) {
                worstRun = r;
            }
        }
        EpochMetrics worst = worstEpoch(target, warmupEpochs, worstRun).orElseThrow();
        int seeds = result.seedCount();
        String where = (seeds > 1 && worstRun.seed() != null ? "seed " + worstRun.seed() + ", " : "") + "epoch "
                + worst.epoch();
        return Optional.of(new Violation("activationError", errors.median(), max, "activation error "
                + Fmt.ratio(errors.median()) + Fmt.overSeeds(errors, seeds) + " exceeds maxActivationError "
                + Fmt.ratio(max) + " (" + where + ": activation " + Fmt.ratio(worst.activationRate()) + ", target "
                + Fmt.ratio(target) + "); tune kp/ki or widen the limit"));
    }

    private static Optional<Violation> minSpeedup(double min, ExperimentResult result) {
        Comparison c = result.comparison();
        Double speedup = c == null ? null : c.speedupVsFull();
        if (speedup == null) {
            return Optional.of(new Violation("speedup", Double.NaN, min, "measured speedup is unavailable:"
                    + " no full control ran; add full to controls or remove minSpeedup"));
        }
        if (speedup >= min - Fmt.EPS) {
            return Optional.empty();
        }
        double full = result.spread(Policy.FULL, r -> r.medianEpochSeconds(false)).median();
        double ast = result.spread(Policy.AST, r -> r.medianEpochSeconds(true)).median();
        return Optional.of(new Violation("speedup", speedup, min, "measured speedup " + Fmt.speedup(speedup)
                + (result.seedCount() > 1 ? " (median of " + result.seedCount() + " seeds)" : "")
                + " is below minSpeedup " + Fmt.speedup(min) + " (median epoch seconds: full " + Fmt.seconds(full)
                + ", ast " + Fmt.seconds(ast) + "); try selection stale, a larger model or batch, or lower the threshold"));
    }

    /** Full's final accuracy minus AST's, per seed. */
    private static Spread dropsVsFull(ExperimentResult result) {
        List<RunResult> asts = result.runs(Policy.AST);
        List<RunResult> fulls = result.runs(Policy.FULL);
        double[] drops = new double[Math.min(asts.size(), fulls.size())];
        for (int i = 0; i < drops.length; i++) {
            drops[i] = fulls.get(i).finalAccuracy() - asts.get(i).finalAccuracy();
        }
        return Spread.of(drops);
    }

    private static Optional<Violation> accuracyDropVsFull(double max, ExperimentResult result) {
        if (result.run(Policy.FULL).isEmpty()) {
            return Optional.of(new Violation("accuracyDropVsFull", Double.NaN, max, "accuracy drop vs full"
                    + " is unavailable: no full control ran; add full to controls or remove maxAccuracyDropVsFull"));
        }
        Spread drop = dropsVsFull(result);
        if (drop.median() <= max + Fmt.EPS) {
            return Optional.empty();
        }
        int seeds = result.seedCount();
        return Optional.of(new Violation("accuracyDropVsFull", drop.median(), max, "accuracy drop vs full "
                + Fmt.ratio(drop.median()) + Fmt.overSeeds(drop, seeds) + " exceeds maxAccuracyDropVsFull "
                + Fmt.ratio(max) + " (ast " + Fmt.ratio(result.spread(Policy.AST, RunResult::finalAccuracy).median())
                + ", full " + Fmt.ratio(result.spread(Policy.FULL, RunResult::finalAccuracy).median())
                + (seeds > 1 ? ", medians" : "") + "); raise epochs or targetActivation, or widen the limit"));
    }

    /**
     * AST's time to target over the control's, per seed: +Infinity where AST never reached it (or
     * neither did), 0 where only AST did. The median of these is what the time-to-target limits hold.
     */
    static Spread timeRatios(ExperimentResult result, Policy control) {
        List<RunResult> asts = result.runs(Policy.AST);
        List<RunResult> others = result.runs(control);
        double[] ratios = new double[Math.min(asts.size(), others.size())];
        for (int i = 0; i < ratios.length; i++) {
            Double a = asts.get(i).timeToTargetSeconds();
            Double o = others.get(i).timeToTargetSeconds();
            ratios[i] = a == null ? Double.POSITIVE_INFINITY : o == null ? 0 : a / o;
        }
        return Spread.of(ratios);
    }

    /**
     * AST's training seconds to the target accuracy against the control's, median over seeds. A
     * policy that never reached the target within its epochs has no time to compare: AST not reaching
     * it (on the median seed) is a violation that says so; the control not reaching it while AST did
     * is a pass.
     */
    private static Optional<Violation> timeToTarget(String name, double max, Policy control, Double target,
            ExperimentResult result) {
        String metric = metric(control);
        RunResult other = result.run(control).orElse(null);
        if (target == null || other == null) {
            return Optional.of(new Violation(metric, Double.NaN, max, "time to target vs " + control
                    + " is unavailable: " + (target == null ? "no targetAccuracy is set" : "no " + control
                    + " control ran") + "; set it or remove " + name));
        }
        String suggestion = "; raise epochs or lower targetAccuracy";
        int seeds = result.seedCount();
        Spread ratios = timeRatios(result, control);
        if (seeds == 1) {
            RunResult ast = result.ast();
            if (ast.timeToTargetSeconds() == null) {
                double best = ast.evaluations().stream().mapToDouble(EvalPoint::accuracy).max()
                        .orElse(ast.finalAccuracy());
                return Optional.of(new Violation(metric, Double.NaN, max, "AST did not reach targetAccuracy "
                        + Fmt.ratio(target) + " within its " + ast.epochs().size() + " epoch(s) (best "
                        + Fmt.ratio(best) + (other.timeToTargetSeconds() == null ? "; " + control + " did not either"
                                : "; " + control + " did in " + Fmt.seconds(other.timeToTargetSeconds()))
                        + "), so " + name + " cannot hold" + suggestion));
            }
            if (other.timeToTargetSeconds() == null || ratios.median() <= max + Fmt.EPS) {
                return Optional.empty();
            }
            return Optional.of(new Violation(metric, ratios.median(), max, "AST reached targetAccuracy "
                    + Fmt.ratio(target) + " after " + Fmt.seconds(ast.timeToTargetSeconds()) + " of training, "
                    + Fmt.speedup(ratios.median()) + " " + control + "'s " + Fmt.seconds(other.timeToTargetSeconds())
                    + "; " + name + " is " + Fmt.speedup(max) + " (work to target: ast " + ast.samplesToTarget()
                    + " trained samples, " + control + " " + other.samplesToTarget() + ")"));
        }
        long missed = result.runs(Policy.AST).stream().filter(r -> r.timeToTargetSeconds() == null).count();
        int ahead = 0;
        for (int i = 0; i < ratios.n(); i++) {
            Double a = result.runs(Policy.AST).get(i).timeToTargetSeconds();
            Double o = result.runs(control).get(i).timeToTargetSeconds();
            if (a != null && (o == null || a < o)) {
                ahead++;
            }
        }
        if (Double.isInfinite(ratios.median())) {
            return Optional.of(new Violation(metric, Double.NaN, max, "AST did not reach targetAccuracy "
                    + Fmt.ratio(target) + " on " + missed + " of " + seeds + " seeds within "
                    + result.ast().epochs().size() + " epoch(s), so the median time to target is undefined and "
                    + name + " cannot hold" + suggestion));
        }
        if (ratios.median() <= max + Fmt.EPS) {
            return Optional.empty();
        }
        return Optional.of(new Violation(metric, ratios.median(), max, "AST's time to targetAccuracy "
                + Fmt.ratio(target) + " is " + Fmt.speedup(ratios.median()) + " " + control + "'s, the median of "
                + seeds + " seeds (" + Fmt.speedup(ratios.min()) + " to " + Fmt.speedup(ratios.max()) + "; AST first on "
                + ahead + " of " + seeds + "); " + name + " is " + Fmt.speedup(max)));
    }

    /**
     * A scorer that does nothing still trains at the target rate and, on easy data, about as
     * accurately as AST: the lift is the figure that tells them apart.
     */
    private static Optional<Violation> selectionLift(double min, Spread lift, ExperimentResult result) {
        if (lift.median() >= min - Fmt.EPS) {
            return Optional.empty();
        }
        if (lift.n() == 0) {
            return Optional.of(new Violation("selectionLift", Double.NaN, min, "selection lift is unavailable (no AST"
                    + " epoch measured it); remove minSelectionLift or rerun with this version"));
        }
        Spread random = result.spread(Policy.RANDOM, RunResult::finalSelectionLift);
        String control = random.n() == 0 ? "random selection gets about 1.00"
                : "the random control got " + Fmt.twoDecimals(random.median());
        int last = result.ast().epochs().size();
        return Optional.of(new Violation("selectionLift", lift.median(), min, "selection lift "
                + Fmt.twoDecimals(lift.median()) + Fmt.overSeedsTwo(lift, result.seedCount())
                + " is below minSelectionLift " + Fmt.twoDecimals(min) + " (epoch " + last
                + ": AST's trained samples had " + Fmt.twoDecimals(lift.median())
                + "x the mean loss of the samples it could have trained; " + control
                + "); check the scorer, or lower the threshold"));
    }
}

package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.EvalPoint;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.Violation;

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
                        r.policy().equals("ast") ? "training diverged: " + r.diverged()
                                : "training diverged in the " + r.policy() + " control: " + r.diverged()));
            }
        }
        if (thresholds == null) {
            return out;
        }
        if (thresholds.minAccuracy() != null) {
            double min = thresholds.minAccuracy();
            out.add(minAccuracy(min, ast, result)
                    .map(v -> broken("minAccuracy", true, v))
                    .orElseGet(() -> held("minAccuracy", "accuracy", ast.finalAccuracy(), min, true,
                            "accuracy " + Fmt.ratio(ast.finalAccuracy()) + " is at least minAccuracy " + Fmt.ratio(min))));
        }
        if (thresholds.maxActivationError() != null) {
            double max = thresholds.maxActivationError();
            out.add(activationError(max, targetActivation, warmupEpochs, ast)
                    .map(v -> broken("maxActivationError", false, v))
                    .orElseGet(() -> {
                        double err = worstActivationError(targetActivation, warmupEpochs, ast);
                        return held("maxActivationError", "activationError", err, max, false, "activation error "
                                + Fmt.ratio(err) + " is within maxActivationError " + Fmt.ratio(max));
                    }));
        }
        if (thresholds.minSavings() != null) {
            double s = ast.modeledSavings();
            double min = thresholds.minSavings();
            if (!(s >= min - Fmt.EPS)) {
                out.add(broken("minSavings", true, new Violation("modeledSavings", s, min, "modeled savings "
                        + Fmt.ratio(s) + " is below minSavings " + Fmt.ratio(min)
                        + "; lower targetActivation or the threshold")));
            } else {
                out.add(held("minSavings", "modeledSavings", s, min, true, "modeled savings " + Fmt.ratio(s)
                        + " is at least minSavings " + Fmt.ratio(min)));
            }
        }
        if (thresholds.minSpeedup() != null) {
            double min = thresholds.minSpeedup();
            out.add(minSpeedup(min, result)
                    .map(v -> broken("minSpeedup", true, v))
                    .orElseGet(() -> {
                        double sp = result.comparison().speedupVsFull();
                        return held("minSpeedup", "speedup", sp, min, true, "measured speedup " + Fmt.speedup(sp)
                                + " is at least minSpeedup " + Fmt.speedup(min));
                    }));
        }
        if (thresholds.maxAccuracyDropVsFull() != null) {
            double max = thresholds.maxAccuracyDropVsFull();
            out.add(accuracyDropVsFull(max, ast, result)
                    .map(v -> broken("maxAccuracyDropVsFull", false, v))
                    .orElseGet(() -> {
                        double drop = result.control("full").finalAccuracy() - ast.finalAccuracy();
                        return held("maxAccuracyDropVsFull", "accuracyDropVsFull", drop, max, false,
                                "accuracy drop vs full " + Fmt.ratio(drop) + " is within maxAccuracyDropVsFull "
                                        + Fmt.ratio(max));
                    }));
        }
        if (thresholds.minSelectionLift() != null) {
            double min = thresholds.minSelectionLift();
            out.add(selectionLift(min, ast, result)
                    .map(v -> broken("minSelectionLift", true, v))
                    .orElseGet(() -> {
                        double lift = ast.epochs().get(ast.epochs().size() - 1).selectionLift();
                        return held("minSelectionLift", "selectionLift", lift, min, true, String.format(
                                java.util.Locale.ROOT, "selection lift %.2f is at least minSelectionLift %.2f", lift, min));
                    }));
        }
        if (thresholds.maxTimeToTargetVsRandom() != null) {
            out.add(timeToTargetCheck("maxTimeToTargetVsRandom", thresholds.maxTimeToTargetVsRandom(), "random",
                    thresholds.targetAccuracy(), result));
        }
        if (thresholds.maxTimeToTargetVsFull() != null) {
            out.add(timeToTargetCheck("maxTimeToTargetVsFull", thresholds.maxTimeToTargetVsFull(), "full",
                    thresholds.targetAccuracy(), result));
        }
        return out;
    }

    private static Check timeToTargetCheck(String name, double max, String control, Double target,
            ExperimentResult result) {
        return timeToTarget(name, max, control, target, result)
                .map(v -> broken(name, false, v))
                .orElseGet(() -> {
                    RunResult ast = result.ast();
                    RunResult other = result.control(control);
                    String metric = "timeToTargetVs" + Character.toUpperCase(control.charAt(0)) + control.substring(1);
                    if (other.timeToTargetSeconds() == null) {
                        return held(name, metric, Double.NaN, max, false, "AST reached targetAccuracy in "
                                + Fmt.seconds(ast.timeToTargetSeconds()) + "; " + control + " did not");
                    }
                    double ratio = ast.timeToTargetSeconds() / other.timeToTargetSeconds();
                    return held(name, metric, ratio, max, false, "time to target " + Fmt.speedup(ratio) + " "
                            + control + "'s is within " + name + " " + Fmt.speedup(max));
                });
    }

    private static Check broken(String rule, boolean atLeast, Violation v) {
        return new Check(Check.THRESHOLD, rule, v.metric(), v.actual(), v.limit(), atLeast, false, v.message());
    }

    private static Check held(String rule, String metric, double value, double limit, boolean atLeast, String message) {
        return new Check(Check.THRESHOLD, rule, metric, value, limit, atLeast, true, message);
    }

    /** The largest |activation - target| over the epochs {@code maxActivationError} checks; 0 when there are none. */
    private static double worstActivationError(double target, int warmupEpochs, RunResult ast) {
        return checkedEpochs(warmupEpochs, ast).stream().mapToDouble(e -> Math.abs(e.activationRate() - target))
                .max().orElse(0);
    }

    private static List<EpochMetrics> checkedEpochs(int warmupEpochs, RunResult ast) {
        List<EpochMetrics> astEpochs = ast.epochs().stream()
                .filter(e -> e.epoch() > warmupEpochs && !"warmup".equals(e.phase())).toList();
        return astEpochs.size() <= 1 ? astEpochs : astEpochs.subList(1, astEpochs.size());
    }

    private static Optional<Violation> minAccuracy(double min, RunResult ast, ExperimentResult result) {
        double acc = ast.finalAccuracy();
        if (acc >= min - Fmt.EPS) {
            return Optional.empty();
        }
        int done = ast.epochs().size();
        int planned = result.setting(Options.EPOCHS).orElse(done);
        return Optional.of(new Violation("accuracy", acc, min, "accuracy " + Fmt.ratio(acc)
                + " is below minAccuracy " + Fmt.ratio(min) + " (epoch " + done + " of " + planned
                + "); raise epochs or lower the threshold"));
    }

    /**
     * The controller needs an epoch to settle after warmup (or from the initial threshold), so the
     * first AST epoch is exempt unless it is the only one.
     */
    private static Optional<Violation> activationError(double max, double target, int warmupEpochs,
            RunResult ast) {
        List<EpochMetrics> checked = checkedEpochs(warmupEpochs, ast);
        EpochMetrics worst = null;
        double worstError = -1;
        for (EpochMetrics e : checked) {
            double err = Math.abs(e.activationRate() - target);
            if (Double.isNaN(err) || err > worstError) {
                worst = e;
                worstError = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
            }
        }
        if (worst == null || worstError <= max + Fmt.EPS) {
            return Optional.empty();
        }
        double err = Math.abs(worst.activationRate() - target);
        return Optional.of(new Violation("activationError", err, max, "activation error " + Fmt.ratio(err)
                + " exceeds maxActivationError " + Fmt.ratio(max) + " (epoch " + worst.epoch() + ": activation "
                + Fmt.ratio(worst.activationRate()) + ", target " + Fmt.ratio(target)
                + "); tune kp/ki or widen the limit"));
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
        double full = result.run("full").map(r -> r.medianEpochSeconds(null)).orElse(Double.NaN);
        double ast = result.ast().medianEpochSeconds("ast");
        return Optional.of(new Violation("speedup", speedup, min, "measured speedup " + Fmt.speedup(speedup)
                + " is below minSpeedup " + Fmt.speedup(min) + " (median epoch seconds: full " + Fmt.seconds(full)
                + ", ast " + Fmt.seconds(ast) + "); try selection stale, a larger model or batch, or lower the threshold"));
    }

    private static Optional<Violation> accuracyDropVsFull(double max, RunResult ast, ExperimentResult result) {
        RunResult full = result.run("full").orElse(null);
        if (full == null) {
            return Optional.of(new Violation("accuracyDropVsFull", Double.NaN, max, "accuracy drop vs full"
                    + " is unavailable: no full control ran; add full to controls or remove maxAccuracyDropVsFull"));
        }
        double drop = full.finalAccuracy() - ast.finalAccuracy();
        if (drop <= max + Fmt.EPS) {
            return Optional.empty();
        }
        return Optional.of(new Violation("accuracyDropVsFull", drop, max, "accuracy drop vs full "
                + Fmt.ratio(drop) + " exceeds maxAccuracyDropVsFull " + Fmt.ratio(max) + " (ast "
                + Fmt.ratio(ast.finalAccuracy()) + ", full " + Fmt.ratio(full.finalAccuracy())
                + "); raise epochs or targetActivation, or widen the limit"));
    }

    /**
     * AST's training seconds to the target accuracy against the control's. A policy that never
     * reached the target within its epochs has no time to compare: AST not reaching it is a violation
     * that says so; the control not reaching it while AST did is a pass.
     */
    private static Optional<Violation> timeToTarget(String name, double max, String control, Double target,
            ExperimentResult result) {
        String metric = "timeToTargetVs" + Character.toUpperCase(control.charAt(0)) + control.substring(1);
        RunResult other = result.run(control).orElse(null);
        if (target == null || other == null) {
            return Optional.of(new Violation(metric, Double.NaN, max, "time to target vs " + control
                    + " is unavailable: " + (target == null ? "no targetAccuracy is set" : "no " + control
                    + " control ran") + "; set it or remove " + name));
        }
        RunResult ast = result.ast();
        String suggestion = "; raise epochs or lower targetAccuracy";
        if (ast.timeToTargetSeconds() == null) {
            double best = ast.evaluations().stream().mapToDouble(EvalPoint::accuracy).max().orElse(ast.finalAccuracy());
            return Optional.of(new Violation(metric, Double.NaN, max, "AST did not reach targetAccuracy "
                    + Fmt.ratio(target) + " within its " + ast.epochs().size() + " epoch(s) (best " + Fmt.ratio(best)
                    + (other.timeToTargetSeconds() == null ? "; " + control + " did not either"
                            : "; " + control + " did in " + Fmt.seconds(other.timeToTargetSeconds()))
                    + "), so " + name + " cannot hold" + suggestion));
        }
        if (other.timeToTargetSeconds() == null) {
            return Optional.empty();
        }
        double ratio = ast.timeToTargetSeconds() / other.timeToTargetSeconds();
        if (ratio <= max + Fmt.EPS) {
            return Optional.empty();
        }
        return Optional.of(new Violation(metric, ratio, max, "AST reached targetAccuracy " + Fmt.ratio(target)
                + " after " + Fmt.seconds(ast.timeToTargetSeconds()) + " of training, " + Fmt.speedup(ratio) + " "
                + control + "'s " + Fmt.seconds(other.timeToTargetSeconds()) + "; " + name + " is "
                + Fmt.speedup(max) + " (work to target: ast " + ast.samplesToTarget() + " trained samples, "
                + control + " " + other.samplesToTarget() + ")"));
    }

    /**
     * A scorer that does nothing still trains at the target rate and, on easy data, about as
     * accurately as AST: the lift is the figure that tells them apart.
     */
    private static Optional<Violation> selectionLift(double min, RunResult ast, ExperimentResult result) {
        EpochMetrics last = ast.epochs().isEmpty() ? null : ast.epochs().get(ast.epochs().size() - 1);
        double lift = last == null ? Double.NaN : last.selectionLift();
        if (lift >= min - Fmt.EPS) {
            return Optional.empty();
        }
        if (Double.isNaN(lift)) {
            return Optional.of(new Violation("selectionLift", lift, min, "selection lift is unavailable (no AST epoch"
                    + " measured it); remove minSelectionLift or rerun with this version"));
        }
        String random = result.run("random").filter(r -> !r.epochs().isEmpty())
                .map(r -> String.format(java.util.Locale.ROOT, "%.2f", r.epochs().get(r.epochs().size() - 1)
                        .selectionLift()))
                .map(v -> "random selection gets " + v).orElse("random selection gets about 1.00");
        return Optional.of(new Violation("selectionLift", lift, min, String.format(java.util.Locale.ROOT,
                "selection lift %.2f is below minSelectionLift %.2f (epoch %d: AST's trained samples had %.2fx the mean"
                        + " loss of the samples it could have trained; %s); check the scorer, or lower the threshold",
                lift, min, last.epoch(), lift, random)));
    }
}

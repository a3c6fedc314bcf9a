package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;

/**
 * Applies the limits ({@link LimitCheck}), the blow-up rules ({@link BlowUpCheck}), then the baseline, to a
 * result: the one place a {@link Verdict} is made. A sweep is judged point by point
 * ({@link ExperimentResult#points()}), each point with its own target, against its own baseline entry.
 */
public final class Verdicts {
    private Verdicts() {
    }

    /** The verdict for a run of {@code cfg}: its limits, then its baseline when it names one. */
    public static Verdict evaluate(ExperimentConfig cfg, ExperimentResult result) {
        return evaluate(Limits.of(cfg), new LimitCheck.Context(cfg.targetActivation(), cfg.warmupEpochs(),
                cfg.targetAccuracy()), BaselineRules.of(cfg), result);
    }

    /**
     * The verdict of {@code cfg}'s limits and baseline for an existing result (as {@code ast:check}
     * reads it from result.json), taking {@code targetActivation} and {@code warmupEpochs} from the
     * result's own settings.
     */
    public static Verdict rejudge(ExperimentConfig cfg, ExperimentResult result) {
        return evaluate(Limits.of(cfg), context(result, cfg.targetAccuracy()), BaselineRules.of(cfg), result);
    }

    /**
     * The verdict of the flat thresholds for an existing result, with {@code targetActivation} and
     * {@code warmupEpochs} from its settings.
     *
     * @param baseline null for no baseline check
     */
    public static Verdict evaluate(Thresholds thresholds, BaselineRules baseline, ExperimentResult result) {
        return evaluate(ThresholdCheck.limits(thresholds),
                context(result, thresholds == null ? null : thresholds.targetAccuracy()), baseline, result);
    }

    /**
     * The verdict of the flat thresholds.
     *
     * @param baseline null for no baseline check
     */
    public static Verdict evaluate(Thresholds thresholds, double targetActivation, int warmupEpochs,
            BaselineRules baseline, ExperimentResult result) {
        return evaluate(ThresholdCheck.limits(thresholds), new LimitCheck.Context(targetActivation, warmupEpochs,
                thresholds == null ? null : thresholds.targetAccuracy()), baseline, result);
    }

    private static LimitCheck.Context context(ExperimentResult result, Double targetAccuracy) {
        return new LimitCheck.Context(result.setting(Options.TARGET_ACTIVATION).orElse(Double.NaN),
                result.setting(Options.WARMUP_EPOCHS).orElse(0), targetAccuracy);
    }

    /**
     * The verdict from explicit limits, then the blow-up rules, then the baseline.
     *
     * @param baseline null for no baseline check
     */
    public static Verdict evaluate(List<Limit> limits, LimitCheck.Context ctx, BaselineRules baseline,
            ExperimentResult result) {
        if (result.isSweep()) {
            return sweep(limits, ctx, baseline, result);
        }
        List<Check> checks = new ArrayList<>(LimitCheck.checks(limits, ctx, result));
        List<Violation> violations = new ArrayList<>(LimitCheck.violations(checks));
        violations.addAll(BlowUpCheck.check(result));
        BaselineComparison comparison = null;
        if (baseline != null) {
            BaselineCheck.Outcome o = BaselineCheck.compare(baseline, result);
            comparison = o.comparison();
            violations.addAll(o.violations());
            checks.addAll(o.checks());
        }
        return new Verdict(violations.isEmpty(), violations, comparison, checks);
    }

    /**
     * Every point's verdict, merged: each rule applies to each point, its message prefixed with the
     * point ({@code at targetActivation 10%: accuracy 0.71 is below minAccuracy 0.75}) and its rule
     * and baseline figures named after it ({@code minAccuracy@10%}). A message that an earlier point
     * already gave word for word (full's divergence, a missing baseline file) is given once.
     */
    private static Verdict sweep(List<Limit> limits, LimitCheck.Context ctx, BaselineRules baseline,
            ExperimentResult result) {
        List<Check> checks = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<BaselineComparison> comparisons = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> seenChecks = new HashSet<>();
        for (double t : result.targets()) {
            ExperimentResult point = result.atTarget(t);
            Verdict v = evaluate(limits, new LimitCheck.Context(t, ctx.warmupEpochs(), ctx.targetAccuracy()), baseline,
                    point);
            String at = "at targetActivation " + ExperimentResult.percent(t) + ": ";
            for (Violation x : v.violations()) {
                if (seen.add(x.message())) {
                    violations.add(new Violation(x.metric(), x.actual(), x.limit(), at + x.message()));
                }
            }
            for (Check c : v.checks()) {
                if (c.held() || seenChecks.add(c.kind() + c.message())) {
                    checks.add(new Check(c.kind(), ExperimentResult.pointName(c.rule(), t), c.metric(), c.value(),
                            c.limit(), c.atLeast(), c.held(), c.held() ? c.message() : at + c.message()));
                }
            }
            if (v.baseline() != null) {
                BaselineComparison b = v.baseline();
                names.add(point.name());
                comparisons.add(new BaselineComparison(b.file(), b.status(), b.reason(),
                        b.deltas().stream().map(d -> new BaselineComparison.Delta(
                                ExperimentResult.pointName(d.metric(), t), d.baseline(), d.current(),
                                d.higherIsBetter(), d.regressed(), d.tolerance())).toList()));
            }
        }
        return new Verdict(violations.isEmpty(), violations, merge(comparisons, names), checks);
    }

    /**
     * One comparison for the whole sweep: compared only when every point was; every point's rows; one
     * reason when every point has the same, else each point's named.
     */
    private static BaselineComparison merge(List<BaselineComparison> points, List<String> names) {
        if (points.isEmpty()) {
            return null;
        }
        String status = points.stream().map(BaselineComparison::status)
                .filter(s -> !s.equals(BaselineComparison.COMPARED)).findFirst().orElse(BaselineComparison.COMPARED);
        List<String> reasons = points.stream().map(BaselineComparison::reason).filter(r -> r != null).distinct().toList();
        if (reasons.size() > 1) {
            List<String> named = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i).reason() != null) {
                    named.add(names.get(i) + ": " + points.get(i).reason());
                }
            }
            reasons = named;
        }
        return new BaselineComparison(points.get(0).file(), status, reasons.isEmpty() ? null : String.join("; ", reasons),
                points.stream().flatMap(b -> b.deltas().stream()).toList());
    }
}

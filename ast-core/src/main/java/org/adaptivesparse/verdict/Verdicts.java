package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.Detectable;
import org.adaptivesparse.result.HistorySeries;
import org.adaptivesparse.result.HistoryUse;
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

    /**
     * The history a run is judged against.
     *
     * @param series  the earlier runs of a result's (or a sweep point's) series
     * @param minRuns {@code historyMinRuns}
     * @param window  {@code historyWindow}
     */
    public record HistoryRules(Function<ExperimentResult, HistorySeries> series, int minRuns, int window) {
    }

    /** The verdict for a run of {@code cfg}: its limits, then its baseline when it names one. */
    public static Verdict evaluate(ExperimentConfig cfg, ExperimentResult result) {
        return evaluate(cfg, result, null);
    }

    /**
     * The verdict for a run of {@code cfg}: its limits, its baseline when it names one, and its history
     * series when it has enough earlier runs.
     *
     * @param history null for no history
     */
    public static Verdict evaluate(ExperimentConfig cfg, ExperimentResult result, HistoryRules history) {
        return evaluate(Limits.of(cfg), new LimitCheck.Context(cfg.targetActivation(), cfg.warmupEpochs(),
                cfg.targetAccuracy()), BaselineRules.of(cfg), history, cfg.refuseBlindGate(), result);
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
        return evaluate(limits, ctx, baseline, null, baseline != null && baseline.refuseBlindGate(), result);
    }

    /**
     * The verdict from explicit limits, the blow-up rules, the baseline and the history; with
     * {@code refuseBlindGate}, a gated figure whose smallest detectable drop over the baseline and the
     * history is larger than its tolerance is a violation too.
     */
    static Verdict evaluate(List<Limit> limits, LimitCheck.Context ctx, BaselineRules baseline, HistoryRules history,
            boolean refuseBlindGate, ExperimentResult result) {
        if (result.isSweep()) {
            return sweep(limits, ctx, baseline, history, refuseBlindGate, result);
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
        HistoryUse used = null;
        if (history != null) {
            HistorySeries series = history.series().apply(result);
            used = new HistoryUse(series.name(), series.runs(), history.minRuns(), history.window());
            checks.addAll(HistoryCheck.check(series, result, history.minRuns(), baseline));
            violations.addAll(LimitCheck.violations(checks.stream().filter(c -> Check.HISTORY.equals(c.kind())).toList()));
        }
        if (refuseBlindGate) {
            for (Check c : blind(checks)) {
                checks.add(c);
                if (!c.held()) {
                    violations.add(new Violation(c.metric(), c.value(), c.limit(), c.message()));
                }
            }
        }
        return new Verdict(violations.isEmpty(), violations, comparison, checks, used);
    }

    /**
     * One refuseBlindGate check per gated figure: the best-seeing of its baseline and history checks (the
     * smallest detectable drop) against its tolerance.
     */
    private static List<Check> blind(List<Check> checks) {
        java.util.Map<String, Detectable> best = new java.util.LinkedHashMap<>();
        for (Check c : checks) {
            Detectable d = c.detectable();
            if (c.kind().equals(Check.THRESHOLD) || d == null || Double.isNaN(d.tolerance())) {
                continue;
            }
            best.merge(d.figure(), d, (a, b) -> Double.isNaN(a.drop()) || b.drop() < a.drop() ? b : a);
        }
        List<Check> out = new ArrayList<>();
        best.values().forEach(d -> out.add(new Check(Check.BASELINE, "refuseBlindGate", d.figure(), d.drop(),
                d.tolerance(), false, !d.blind(), d.blind() ? Sight.blindMessage(d)
                        : "refuseBlindGate: " + d.figure() + "'s detectable drop " + d.formatDrop(d.drop()) + " is within "
                                + d.toleranceName() + " " + d.format(d.tolerance()), d)));
        return out;
    }

    /**
     * Every point's verdict, merged: each rule applies to each point, its message prefixed with the
     * point ({@code at targetActivation 10%: accuracy 0.71 is below minAccuracy 0.75}) and its rule
     * and baseline figures named after it ({@code minAccuracy@10%}). A message that an earlier point
     * already gave word for word (full's divergence, a missing baseline file) is given once.
     */
    private static Verdict sweep(List<Limit> limits, LimitCheck.Context ctx, BaselineRules baseline,
            HistoryRules history, boolean refuseBlindGate, ExperimentResult result) {
        List<Check> checks = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<BaselineComparison> comparisons = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> seenChecks = new HashSet<>();
        for (double t : result.targets()) {
            ExperimentResult point = result.atTarget(t);
            Verdict v = evaluate(limits, new LimitCheck.Context(t, ctx.warmupEpochs(), ctx.targetAccuracy()), baseline,
                    history, refuseBlindGate, point);
            String at = "at targetActivation " + ExperimentResult.percent(t) + ": ";
            for (Violation x : v.violations()) {
                if (seen.add(x.message())) {
                    violations.add(new Violation(x.metric(), x.actual(), x.limit(), at + x.message()));
                }
            }
            for (Check c : v.checks()) {
                if (c.held() || seenChecks.add(c.kind() + c.message())) {
                    checks.add(new Check(c.kind(), ExperimentResult.pointName(c.rule(), t), c.metric(), c.value(),
                            c.limit(), c.atLeast(), c.held(), c.held() ? c.message() : at + c.message(), c.detectable()));
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

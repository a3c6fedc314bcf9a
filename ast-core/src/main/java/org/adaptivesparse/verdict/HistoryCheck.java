package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.Detectable;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.HistorySeries;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.DetectableDrop;
import org.adaptivesparse.stats.Spread;

/**
 * Judges a run against the earlier runs of its history series, as Bencher's and Conbench's thresholds do:
 * a figure regressed when this run's median is below the series' mean by more than the one-sided
 * Student-t prediction bound at 95 % ({@code t(0.95, N - 1) · s · sqrt(1 + 1/N)} over the last N runs),
 * the smallest drop a new run can show beyond the series' own noise. Only with at least
 * {@code historyMinRuns} earlier runs; a different environment has a series of its own.
 */
public final class HistoryCheck {
    private HistoryCheck() {
    }

    /**
     * One check per figure the series records, or none when it holds fewer than {@code minRuns} runs.
     *
     * @param rules the baseline rules whose tolerances say what drop the gate is to catch; null for none
     */
    public static List<Check> check(HistorySeries series, ExperimentResult result, int minRuns, BaselineRules rules) {
        List<Check> out = new ArrayList<>();
        if (series.runs() < minRuns) {
            return out;
        }
        add(out, series, "accuracy", "accuracy", series.accuracy(), result, RunResult::finalAccuracy,
                Detectable.RATIO, rules == null ? Double.NaN : rules.maxAccuracyDrop(), "maxAccuracyDrop");
        add(out, series, "modeledSavings", "modeled savings", series.modeledSavings(), result,
                RunResult::modeledSavings, Detectable.RATIO, rules == null ? Double.NaN : rules.maxSavingsDrop(),
                "maxSavingsDrop");
        add(out, series, "selectionLift", "selection lift", series.selectionLift(), result,
                RunResult::finalSelectionLift, Detectable.LIFT, Double.NaN, null);
        return out;
    }

    private static void add(List<Check> out, HistorySeries series, String metric, String words, List<Double> earlier,
            ExperimentResult result, ToDoubleFunction<RunResult> figure, String unit, double tolerance,
            String toleranceName) {
        double[] h = earlier.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        double[] now = result.runs(Policy.AST).stream().mapToDouble(figure).toArray();
        Spread is = Spread.of(now);
        if (h.length < 2 || is.n() == 0) {
            return;
        }
        double mean = DetectableDrop.mean(h);
        Detectable d = Sight.history(metric, unit, h, now, tolerance, toleranceName, series.name());
        double bound = mean - d.drop();
        boolean held = is.median() >= bound - Fmt.EPS;
        String head = words + " " + d.format(is.median()) + (is.n() > 1 ? " (median of " + is.n() + " seeds)" : "")
                + " against the last " + h.length + " runs of history series " + series.name() + " (mean "
                + d.format(mean) + ", sd " + d.format(DetectableDrop.sd(h)) + ")";
        String message = held ? head + ": at least its one-sided 95 % bound " + d.format(bound)
                : head + " is below its one-sided 95 % bound " + d.format(bound) + " by " + d.format(bound - is.median())
                        + ": lower than these runs' own noise explains; look at what changed since them";
        out.add(new Check(Check.HISTORY, "history", metric, is.median(), bound, true, held, message, d));
    }
}

package org.adaptivesparse.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.report.TradeOff;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.PairedTest;
import org.adaptivesparse.stats.Spread;

/** The short side-by-side table logged after an experiment; the full figures are in its report. */
final class ResultTable {
    static final String HEADER = String.format(Locale.ROOT, "  %-15s %9s %11s %9s %9s", "policy", "accuracy",
            "activation", "savings*", "train s");

    private ResultTable() {
    }

    /** {@code time to accuracy 0.850 (training s): ast 8.1, full 16.0, random not reached}, then AST's ratios. */
    private static String timeToTarget(ExperimentResult result, double target) {
        List<String> parts = new ArrayList<>();
        for (Policy policy : result.policies()) {
            List<RunResult> runs = result.runs(policy);
            double[] reached = runs.stream().filter(r -> r.timeToTargetSeconds() != null)
                    .mapToDouble(RunResult::timeToTargetSeconds).toArray();
            String figure = reached.length == 0 ? "not reached"
                    : String.format(Locale.ROOT, "%.1f", Spread.of(reached).median());
            parts.add(policy + " " + figure + (runs.size() > 1 ? " (reached on " + reached.length + " of " + runs.size()
                    + " seeds" + (reached.length > 0 ? ", median" : "") + ")" : ""));
        }
        Comparison c = result.comparison();
        String ratios = "";
        if (c != null && c.timeToTargetVsRandom() != null) {
            ratios += String.format(Locale.ROOT, "; ast/random %.2fx", c.timeToTargetVsRandom());
        }
        if (c != null && c.timeToTargetVsFull() != null) {
            ratios += String.format(Locale.ROOT, "; ast/full %.2fx", c.timeToTargetVsFull());
        }
        return String.format(Locale.ROOT, "  time to accuracy %.3f (training s): ", target) + String.join(", ", parts)
                + ratios;
    }

    /** {@code over 3 seeds, final accuracy median [min-max]: ast 81.2% [80.5-82.0], ...; AST first to 0.80 on 2 of 3}. */
    private static String overSeeds(ExperimentResult result) {
        List<String> parts = new ArrayList<>();
        for (Policy policy : result.policies()) {
            Spread s = Spread.of(result.runs(policy).stream().mapToDouble(RunResult::finalAccuracy).toArray());
            parts.add(String.format(Locale.ROOT, "%s %.1f%% [%.1f-%.1f]", policy, 100 * s.median(), 100 * s.min(),
                    100 * s.max()));
        }
        String line = "  over " + result.seedCount() + " seeds, final accuracy median [min-max]: " + String.join(", ", parts);
        PairedTest t = result.comparison() == null ? null : result.comparison().firstToTargetVsRandom();
        if (t != null) {
            line += String.format(Locale.ROOT, "; AST reached the target before random on %d of %d seeds (sign test p %.3f)",
                    t.wins(), result.seedCount(), t.signP());
        }
        return line;
    }

    /** The table of every point of a sweep (each named like {@code cnn@10%}) and the recommended target; otherwise one. */
    static List<String> lines(ExperimentResult result) {
        if (!result.isSweep()) {
            return point(result);
        }
        List<String> lines = new ArrayList<>();
        result.points().forEach(p -> lines.addAll(point(p)));
        TradeOff.of(result).ifPresent(t -> lines.add("[" + result.name() + "] " + t.recommendation()
                + " (" + t.rule() + "; see the report's trade-off chart)"));
        return lines;
    }

    private static List<String> point(ExperimentResult result) {
        List<String> lines = new ArrayList<>();
        int epochs = result.runs().isEmpty() ? 0 : result.runs().get(0).epochs().size();
        lines.add("[" + result.name() + "] side by side after " + epochs + " epoch(s):");
        lines.add(HEADER);
        boolean seeds = result.seedCount() > 1;
        for (RunResult run : result.runs()) {
            lines.add(String.format(Locale.ROOT, "  %-15s %8.1f%% %10.1f%% %8.1f%% %9.1f%s",
                    seeds ? run.policy() + "@" + run.seed() : run.policy(),
                    100 * run.finalAccuracy(), 100 * run.activationRate(), 100 * run.modeledSavings(),
                    run.totalTrainSeconds(), run.diverged() != null ? "  (stopped early)" : ""));
        }
        Comparison c = result.comparison();
        if (c != null && (c.speedupVsFull() != null || c.accuracyDeltaVsFull() != null)) {
            List<String> parts = new ArrayList<>();
            if (c.speedupVsFull() != null) {
                parts.add(String.format(Locale.ROOT, "measured speedup vs full %.2fx (median epoch)", c.speedupVsFull()));
            }
            if (c.accuracyDeltaVsFull() != null) {
                parts.add(String.format(Locale.ROOT, "accuracy vs full %+.1f pts", 100 * c.accuracyDeltaVsFull()));
            }
            if (c.accuracyDeltaVsRandom() != null) {
                parts.add(String.format(Locale.ROOT, "vs random %+.1f pts", 100 * c.accuracyDeltaVsRandom()));
            }
            lines.add("  " + String.join(", ", parts));
        }
        if (seeds) {
            lines.add(overSeeds(result));
        }
        result.configured(Options.TARGET_ACCURACY).ifPresent(target -> lines.add(timeToTarget(result, target)));
        List<String> lifts = new ArrayList<>();
        for (RunResult run : result.runs()) {
            double lift = run.epochs().isEmpty() ? Double.NaN : run.epochs().get(run.epochs().size() - 1).selectionLift();
            if (!Double.isNaN(lift) && run.policy() != Policy.FULL) {
                lifts.add(String.format(Locale.ROOT, "%s %.2f", run.policy(), lift));
            }
        }
        if (!lifts.isEmpty()) {
            lines.add("  selection lift, last epoch (loss of trained / loss of candidates): " + String.join(", ", lifts));
        }
        List<String> mislabelled = result.runs().stream().filter(run -> run.mislabelledShare() != null)
                .map(run -> String.format(Locale.ROOT, "%s %.1f%%", run.policy(), 100 * run.mislabelledShare())).toList();
        if (!mislabelled.isEmpty()) {
            lines.add("  mislabelled share of the samples trained (labelNoise " + result.configured(Options.LABEL_NOISE)
                    .map(v -> String.format(Locale.ROOT, "%.0f%%", 100 * v)).orElse("?") + "): "
                    + String.join(", ", mislabelled));
        }
        lines.add("  * savings are modeled from sample counts, not measured");
        return lines;
    }
}

package org.adaptivesparse.verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.SettingValues;
import org.adaptivesparse.result.Violation;

/**
 * Compares a result with its experiment's entry in the baseline file. A baseline that is missing
 * or not comparable is a violation too: a silently skipped check is worse than a failing one.
 */
public final class BaselineCheck {
    private static final String CREATE = "mvn ast:baseline (or Baseline.write) from an accepted run";

    private BaselineCheck() {
    }

    /**
     * What the comparison found and which rules it broke.
     *
     * @param comparison for the report
     * @param violations regressions beyond tolerance, or the reason no comparison was possible
     * @param checks     every baseline rule applied, held or not; a broken one carries its violation's message
     */
    public record Outcome(BaselineComparison comparison, List<Violation> violations, List<Check> checks) {
        public Outcome {
            violations = List.copyOf(violations);
            checks = checks == null
                    ? violations.stream().map(v -> new Check(Check.BASELINE, "baselineFile", v.metric(), v.actual(),
                            v.limit(), true, false, v.message())).toList()
                    : List.copyOf(checks);
        }

        /** An outcome whose only checks are its violations (no comparison was possible). */
        public Outcome(BaselineComparison comparison, List<Violation> violations) {
            this(comparison, violations, null);
        }
    }

    /** {@link #compare(Path, ExperimentResult, double, double, double)} with the rules' values. */
    public static Outcome compare(BaselineRules rules, ExperimentResult current) {
        return compare(rules.file(), current, rules.maxAccuracyDrop(), rules.maxSavingsDrop(), rules.maxSpeedupDrop());
    }

    /**
     * Compares {@code current} with the baseline entry of its experiment.
     *
     * @param maxAccuracyDrop absolute tolerance on AST final accuracy
     * @param maxSavingsDrop  absolute tolerance on modeled savings
     * @param maxSpeedupDrop  relative tolerance on measured speedup vs full
     * @throws org.adaptivesparse.result.AstFileException when the baseline file exists but is malformed
     */
    public static Outcome compare(Path file, ExperimentResult current, double maxAccuracyDrop, double maxSavingsDrop,
            double maxSpeedupDrop) {
        String where = file.toString();
        if (!Files.exists(file)) {
            String msg = "baseline file " + where + " does not exist; create it with " + CREATE;
            return missing(where, msg);
        }
        Baseline baseline = Baseline.read(file);
        Baseline.Entry entry = baseline.entry(current.name()).orElse(null);
        if (entry == null) {
            String msg = "baseline file " + where + " has no entry for experiment '" + current.name() + "' (it has: "
                    + (baseline.experiments().isEmpty() ? "none" : String.join(", ", baseline.experiments().keySet()))
                    + "); create it with " + CREATE;
            return missing(where, msg);
        }
        List<String> diffs = SettingValues.differences(entry.settings(), current.settings());
        if (!diffs.isEmpty()) {
            String reason = "settings differ (" + String.join("; ", diffs) + ")";
            String msg = "baseline " + where + " for experiment '" + current.name() + "' is not comparable: " + reason
                    + "; regenerate it with ast:baseline (or Baseline.write) from an accepted run";
            return new Outcome(new BaselineComparison(where, BaselineComparison.NOT_COMPARABLE, reason, List.of()),
                    List.of(new Violation("baseline", Double.NaN, Double.NaN, msg)));
        }

        RunResult ast = current.ast();
        List<BaselineComparison.Delta> deltas = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<Check> checks = new ArrayList<>();

        double acc = ast.finalAccuracy();
        double accDrop = entry.accuracy() - acc;
        boolean accBad = !(accDrop <= maxAccuracyDrop + Fmt.EPS);
        deltas.add(new BaselineComparison.Delta("accuracy", entry.accuracy(), acc, true, accBad,
                "drop at most " + Fmt.ratio(maxAccuracyDrop)));
        if (accBad) {
            violations.add(new Violation("accuracy", acc, maxAccuracyDrop, "accuracy " + Fmt.ratio(acc)
                    + " regressed from baseline " + Fmt.ratio(entry.accuracy()) + " by " + Fmt.ratio(accDrop)
                    + ", more than maxAccuracyDrop " + Fmt.ratio(maxAccuracyDrop) + " (" + where + ")"));
        }
        checks.add(check("maxAccuracyDrop", "accuracy", acc, entry.accuracy() - maxAccuracyDrop, !accBad, accBad
                ? last(violations) : "accuracy " + Fmt.ratio(acc) + " against baseline " + Fmt.ratio(entry.accuracy())
                        + ": drop " + Fmt.ratio(accDrop) + " within maxAccuracyDrop " + Fmt.ratio(maxAccuracyDrop)));

        // Activation has no tolerance of its own: maxActivationError guards it against the target.
        deltas.add(new BaselineComparison.Delta("activation", entry.activation(), ast.activationRate(), false, false,
                "not compared (see maxActivationError)"));

        double sav = ast.modeledSavings();
        double savDrop = entry.modeledSavings() - sav;
        boolean savBad = !(savDrop <= maxSavingsDrop + Fmt.EPS);
        deltas.add(new BaselineComparison.Delta("modeledSavings", entry.modeledSavings(), sav, true, savBad,
                "drop at most " + Fmt.ratio(maxSavingsDrop)));
        if (savBad) {
            violations.add(new Violation("modeledSavings", sav, maxSavingsDrop, "modeled savings " + Fmt.ratio(sav)
                    + " regressed from baseline " + Fmt.ratio(entry.modeledSavings()) + " by " + Fmt.ratio(savDrop)
                    + ", more than maxSavingsDrop " + Fmt.ratio(maxSavingsDrop) + " (" + where + ")"));
        }
        checks.add(check("maxSavingsDrop", "modeledSavings", sav, entry.modeledSavings() - maxSavingsDrop, !savBad,
                savBad ? last(violations) : "modeled savings " + Fmt.ratio(sav) + " against baseline "
                        + Fmt.ratio(entry.modeledSavings()) + ": drop " + Fmt.ratio(savDrop) + " within maxSavingsDrop "
                        + Fmt.ratio(maxSavingsDrop)));

        Double speedup = current.comparison() == null ? null : current.comparison().speedupVsFull();
        if (entry.speedupVsFull() != null && speedup != null) {
            double base = entry.speedupVsFull();
            double relDrop = base == 0 ? 0 : (base - speedup) / base;
            boolean bad = !(relDrop <= maxSpeedupDrop + Fmt.EPS);
            deltas.add(new BaselineComparison.Delta("speedupVsFull", base, speedup, true, bad,
                    "relative drop at most " + Fmt.ratio(maxSpeedupDrop)));
            if (bad) {
                violations.add(new Violation("speedupVsFull", speedup, maxSpeedupDrop, "measured speedup "
                        + Fmt.speedup(speedup) + " regressed from baseline " + Fmt.speedup(base) + " by "
                        + Fmt.ratio(relDrop) + " (relative), more than maxSpeedupDrop " + Fmt.ratio(maxSpeedupDrop)
                        + " (" + where + ")"));
            }
            checks.add(check("maxSpeedupDrop", "speedupVsFull", speedup, base * (1 - maxSpeedupDrop), !bad, bad
                    ? last(violations) : "measured speedup " + Fmt.speedup(speedup) + " against baseline "
                            + Fmt.speedup(base) + ": relative drop " + Fmt.ratio(relDrop) + " within maxSpeedupDrop "
                            + Fmt.ratio(maxSpeedupDrop)));
        }
        Double delta = current.comparison() == null ? null : current.comparison().accuracyDeltaVsFull();
        if (entry.accuracyDeltaVsFull() != null && delta != null) {
            deltas.add(new BaselineComparison.Delta("accuracyDeltaVsFull", entry.accuracyDeltaVsFull(), delta, true,
                    false, "not compared (see maxAccuracyDropVsFull)"));
        }
        return new Outcome(new BaselineComparison(where, BaselineComparison.COMPARED, null, deltas), violations,
                checks);
    }

    private static Check check(String rule, String metric, double value, double lowest, boolean held, String message) {
        return new Check(Check.BASELINE, rule, metric, value, lowest, true, held, message);
    }

    private static String last(List<Violation> violations) {
        return violations.get(violations.size() - 1).message();
    }

    private static Outcome missing(String where, String msg) {
        return new Outcome(new BaselineComparison(where, BaselineComparison.MISSING, msg, List.of()),
                List.of(new Violation("baseline", Double.NaN, Double.NaN, msg)));
    }
}

package org.adaptivesparse.result;

import java.util.List;

/**
 * Pass or fail, with one {@link Violation} per broken rule, and what the baseline check said. Part
 * of {@code result.json}, so it lives with the result; the rules that make it are the verdict
 * package's.
 *
 * @param passed       true when there is no violation
 * @param violations   every broken rule, thresholds first, then baseline regressions
 * @param baseline     the baseline comparison, or null when no baseline was configured
 * @param checks       every rule applied, held or not, in the order of {@code violations}; empty in a
 *                     result.json written before checks were recorded (added field: older readers ignore it)
 * @param history      the history series the run was judged against, or null when no history file was used
 */
public record Verdict(boolean passed, List<Violation> violations, BaselineComparison baseline, List<Check> checks,
        HistoryUse history) {
    public Verdict {
        violations = List.copyOf(violations);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A verdict that used no history. */
    public Verdict(boolean passed, List<Violation> violations, BaselineComparison baseline, List<Check> checks) {
        this(passed, violations, baseline, checks, null);
    }

    /** A verdict without the list of checks (as results written before checks were recorded read). */
    public Verdict(boolean passed, List<Violation> violations, BaselineComparison baseline) {
        this(passed, violations, baseline, List.of());
    }
}

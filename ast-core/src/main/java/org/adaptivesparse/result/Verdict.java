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
 */
public record Verdict(boolean passed, List<Violation> violations, BaselineComparison baseline) {
    public Verdict {
        violations = List.copyOf(violations);
    }
}

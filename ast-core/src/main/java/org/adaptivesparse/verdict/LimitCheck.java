package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.Violation;

/**
 * The one checker of limits, the way JaCoCo's check goal applies its rules: every limit, whatever its
 * figure and however it was configured, becomes one {@link Check} (held or not, with its message),
 * which the front ends' messages, summary.md, TEST-ast.xml and report.html all render alike.
 */
public final class LimitCheck {
    private LimitCheck() {
    }

    /**
     * What a figure needs from the configuration beside the result.
     *
     * @param targetActivation the AST target activation errors are measured against
     * @param warmupEpochs     full-training epochs before AST starts
     * @param targetAccuracy   the accuracy time to target is measured to; null when none is set
     */
    public record Context(double targetActivation, int warmupEpochs, Double targetAccuracy) {
    }

    /** Every limit's check, after one broken check per diverged run, in the order of {@code limits}. */
    public static List<Check> checks(List<Limit> limits, Context ctx, ExperimentResult result) {
        List<Check> out = new ArrayList<>();
        for (RunResult r : result.runs()) {
            if (r.diverged() != null) {
                out.add(new Check(Check.THRESHOLD, "divergence", "diverged", Double.NaN, Double.NaN, true, false,
                        r.policy() == Policy.AST ? "training diverged: " + r.diverged()
                                : "training diverged in the " + r.policy() + " control: " + r.diverged()));
            }
        }
        for (Limit l : limits) {
            out.add(l.figure().check(ctx, result, l));
        }
        return out;
    }

    /** The broken checks of {@link #checks} as violations. */
    public static List<Violation> violations(List<Check> checks) {
        return checks.stream().filter(c -> !c.held())
                .map(c -> new Violation(c.metric(), c.value(), c.limit(), c.message())).toList();
    }

    static Check held(Limit limit, String metric, double value, String message) {
        return new Check(Check.THRESHOLD, limit.rule(), metric, value, limit.value(), limit.atLeast(), true, message);
    }

    static Check broken(Limit limit, String metric, double value, String message) {
        return new Check(Check.THRESHOLD, limit.rule(), metric, value, limit.value(), limit.atLeast(), false, message);
    }
}

package org.adaptivesparse.verdict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.Violation;

/**
 * The flat threshold options of the Java API's {@link Thresholds} record as limits: each is a short
 * form of a limit on a figure ({@link Figures}), checked by {@link LimitCheck} like any other.
 */
public final class ThresholdCheck {
    private ThresholdCheck() {
    }

    /**
     * Every broken threshold, plus one violation per diverged run, in a fixed order: divergence,
     * then the thresholds in the order of {@link Figures#ALL}.
     *
     * @param thresholds       the limits; a null limit is not checked
     * @param targetActivation the AST target the activation error is measured against
     * @param warmupEpochs     full-training epochs before AST starts
     */
    public static List<Violation> check(Thresholds thresholds, double targetActivation, int warmupEpochs,
            ExperimentResult result) {
        return LimitCheck.violations(checks(thresholds, targetActivation, warmupEpochs, result));
    }

    /**
     * Every configured threshold with its outcome, held or not, plus one broken check per diverged
     * run, in the order of {@link #check}; a broken check's message is its violation's.
     */
    public static List<Check> checks(Thresholds thresholds, double targetActivation, int warmupEpochs,
            ExperimentResult result) {
        return LimitCheck.checks(limits(thresholds), new LimitCheck.Context(targetActivation, warmupEpochs,
                thresholds == null ? null : thresholds.targetAccuracy()), result);
    }

    /** The limits the thresholds set, in the order of {@link Figures#ALL}; none for null. */
    static List<Limit> limits(Thresholds t) {
        if (t == null) {
            return List.of();
        }
        Map<String, Double> values = new HashMap<>();
        values.put(Options.MIN_ACCURACY.name(), t.minAccuracy());
        values.put(Options.MAX_ACTIVATION_ERROR.name(), t.maxActivationError());
        values.put(Options.MIN_SAVINGS.name(), t.minSavings());
        values.put(Options.MIN_SPEEDUP.name(), t.minSpeedup());
        values.put(Options.MAX_ACCURACY_DROP_VS_FULL.name(), t.maxAccuracyDropVsFull());
        values.put(Options.MIN_SELECTION_LIFT.name(), t.minSelectionLift());
        values.put(Options.MAX_TIME_TO_TARGET_VS_RANDOM.name(), t.maxTimeToTargetVsRandom());
        values.put(Options.MAX_TIME_TO_TARGET_VS_FULL.name(), t.maxTimeToTargetVsFull());
        return Limits.shortForms(o -> values.get(o.name()));
    }
}

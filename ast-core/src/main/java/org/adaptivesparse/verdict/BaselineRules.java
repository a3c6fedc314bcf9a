package org.adaptivesparse.verdict;

import java.nio.file.Path;
import org.adaptivesparse.config.ExperimentConfig;

/**
 * Where the baseline is and how far each headline figure may fall below it.
 *
 * @param file            the baseline file
 * @param maxAccuracyDrop absolute: accuracy may fall this much below the baseline's
 * @param maxSavingsDrop  absolute: modeled savings may fall this much
 * @param maxSpeedupDrop  relative: 0.25 lets the measured speedup fall to 75% of the baseline's
 * @param maxSelectionLiftDrop relative: the lift may fall to (1 - this) times the baseline seeds' mean
 * @param sameEnvironmentTolerance absolute: in the baseline's own deterministic environment, how far a
 *                        seed's accuracy may move in either direction
 * @param refuseBlindGate fail when a gated figure's detectable drop is larger than its tolerance
 */
public record BaselineRules(Path file, double maxAccuracyDrop, double maxSavingsDrop, double maxSpeedupDrop,
        double maxSelectionLiftDrop, double sameEnvironmentTolerance, boolean refuseBlindGate) {

    /** Rules that do not refuse a blind gate. */
    public BaselineRules(Path file, double maxAccuracyDrop, double maxSavingsDrop, double maxSpeedupDrop,
            double maxSelectionLiftDrop, double sameEnvironmentTolerance) {
        this(file, maxAccuracyDrop, maxSavingsDrop, maxSpeedupDrop, maxSelectionLiftDrop, sameEnvironmentTolerance,
                false);
    }

    /** Rules with the default lift and same-environment tolerances. */
    public BaselineRules(Path file, double maxAccuracyDrop, double maxSavingsDrop, double maxSpeedupDrop) {
        this(file, maxAccuracyDrop, maxSavingsDrop, maxSpeedupDrop,
                org.adaptivesparse.config.Options.MAX_SELECTION_LIFT_DROP.defaultValue(),
                org.adaptivesparse.config.Options.SAME_ENVIRONMENT_TOLERANCE.defaultValue());
    }

    /** The configuration's baseline rules, or null when it names no baseline file. */
    public static BaselineRules of(ExperimentConfig cfg) {
        return cfg.baselineFile() == null ? null
                : new BaselineRules(cfg.baselineFile(), cfg.maxAccuracyDrop(), cfg.maxSavingsDrop(),
                        cfg.maxSpeedupDrop(), cfg.maxSelectionLiftDrop(), cfg.sameEnvironmentTolerance(),
                        cfg.refuseBlindGate());
    }
}

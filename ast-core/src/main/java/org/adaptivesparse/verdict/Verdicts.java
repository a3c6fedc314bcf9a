package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;

/** Applies thresholds, the blow-up rules ({@link BlowUpCheck}), then the baseline, to a result: the one place a {@link Verdict} is made. */
public final class Verdicts {
    private Verdicts() {
    }

    /** The verdict for a run of {@code cfg}: its thresholds, then its baseline when it names one. */
    public static Verdict evaluate(ExperimentConfig cfg, ExperimentResult result) {
        return evaluate(cfg.thresholds(), cfg.targetActivation(), cfg.warmupEpochs(), BaselineRules.of(cfg), result);
    }

    /**
     * The verdict for an existing result (as {@code ast:check} reads it from result.json), taking
     * {@code targetActivation} and {@code warmupEpochs} from the result's own settings.
     *
     * @param baseline null for no baseline check
     */
    public static Verdict evaluate(Thresholds thresholds, BaselineRules baseline, ExperimentResult result) {
        double target = result.setting(Options.TARGET_ACTIVATION).orElse(Double.NaN);
        int warmup = result.setting(Options.WARMUP_EPOCHS).orElse(0);
        return evaluate(thresholds, target, warmup, baseline, result);
    }

    /**
     * The verdict from explicit rules.
     *
     * @param baseline null for no baseline check
     */
    public static Verdict evaluate(Thresholds thresholds, double targetActivation, int warmupEpochs,
            BaselineRules baseline, ExperimentResult result) {
        List<Check> checks = new ArrayList<>(
                ThresholdCheck.checks(thresholds, targetActivation, warmupEpochs, result));
        List<Violation> violations = new ArrayList<>(checks.stream().filter(c -> !c.held())
                .map(c -> new Violation(c.metric(), c.value(), c.limit(), c.message())).toList());
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
}

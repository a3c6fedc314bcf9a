package org.adaptivesparse.report;

import java.nio.file.Path;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.verdict.Baseline;
import org.adaptivesparse.verdict.BaselineRules;
import org.adaptivesparse.verdict.Verdicts;

/** Checked results for report tests. */
final class ReportFixtures {
    static final String HOSTILE = "<script>alert(1)</script> | a&b";

    private ReportFixtures() {
    }

    /** A failing result (accuracy and speedup) compared with a baseline written from a better run. */
    static ExperimentResult checked(String name, Path baselineFile) {
        Baseline.write(baselineFile, ResultFixture.result().name(name).astAccuracy(0.70, 0.80, 0.871).build());
        ExperimentResult r = ResultFixture.result().name(name).astAccuracy(0.70, 0.80, 0.842)
                .astSeconds(6, 5.5, 5.8).build();
        return r.withVerdict(Verdicts.evaluate(new Thresholds(0.85, 0.02, 0.85, 1.5, null),
                new BaselineRules(baselineFile, 0.02, 0.02, 0.25), r));
    }

    /** A passing result without a baseline. */
    static ExperimentResult passing(String name) {
        ExperimentResult r = ResultFixture.result().name(name).build();
        return r.withVerdict(Verdicts.evaluate(new Thresholds(0.8, 0.02, null, 1.5, 0.05), null, r));
    }
}

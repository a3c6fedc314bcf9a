package org.adaptivesparse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictsTest {
    @TempDir
    Path dir;

    @Test
    void thresholdsThenBaseline() {
        ResultFixture f = ResultFixture.result().astAccuracy(0.7, 0.8, 0.812);
        Path file = dir.resolve("ast-baseline.json");
        ExperimentConfig cfg = f.config().toBuilder().minAccuracy(0.85).baselineFile(file).build();
        Verdict v = Verdicts.evaluate(cfg, f.build());
        assertFalse(v.passed());
        assertEquals(List.of("accuracy", "baseline"), v.violations().stream().map(Violation::metric).toList());
        assertEquals("missing", v.baseline().status());
    }

    @Test
    void passingRunWithoutBaseline() {
        ResultFixture f = ResultFixture.result();
        Verdict v = Verdicts.evaluate(f.config().toBuilder().minAccuracy(0.8).maxActivationError(0.01).build(), f.build());
        assertTrue(v.passed());
        assertNull(v.baseline());
    }

    @Test
    void configFreeOverloadReadsTargetAndWarmupFromSettings() {
        ExperimentResult r = ResultFixture.result().target(0.2).warmup(1).astActivation(1.0, 0.5, 0.2).build();
        Verdict v = Verdicts.evaluate(new ExperimentConfig.Thresholds(null, 0.01, null, null, null), null, r);
        assertTrue(v.passed(), v.violations().toString());
    }
}

package org.adaptivesparse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.result.Check;
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

    @Test
    void everyRuleIsRecordedAsACheckHeldOrNot() {
        ResultFixture f = ResultFixture.result().astAccuracy(0.7, 0.8, 0.812);
        ExperimentConfig cfg = f.config().toBuilder().minAccuracy(0.85).minSavings(0.5).build();
        Verdict v = Verdicts.evaluate(cfg, f.build());
        assertEquals(List.of("minAccuracy:false", "minSavings:true"),
                v.checks().stream().map(c -> c.rule() + ":" + c.held()).toList());
        Check acc = v.checks().get(0);
        assertEquals(0.812, acc.value(), 1e-9);
        assertEquals(0.85, acc.limit(), 1e-9);
        assertEquals(v.violations().get(0).message(), acc.message());
        assertTrue(v.checks().get(1).message().startsWith("modeled savings "), v.checks().get(1).message());
        assertTrue(v.checks().get(1).message().contains(" is at least minSavings 0.500"), v.checks().get(1).message());
    }

    @Test
    void baselineRulesAreChecksWithTheLowestAcceptedValue() {
        ResultFixture f = ResultFixture.result().astAccuracy(0.7, 0.8, 0.812);
        Path file = dir.resolve("ast-baseline.json");
        Baseline.write(file, f.build());
        ExperimentResult worse = ResultFixture.result().astAccuracy(0.7, 0.8, 0.75).build();
        Verdict v = Verdicts.evaluate(f.config().toBuilder().baselineFile(file).build(), worse);
        Check acc = v.checks().stream().filter(c -> c.rule().equals("maxAccuracyDrop")).findFirst().orElseThrow();
        assertEquals(Check.BASELINE, acc.kind());
        assertFalse(acc.held());
        assertEquals(0.812 - 0.02, acc.limit(), 1e-9);
        Check sav = v.checks().stream().filter(c -> c.rule().equals("maxSavingsDrop")).findFirst().orElseThrow();
        assertTrue(sav.held());
        assertEquals(List.of(acc.message()), v.violations().stream().map(Violation::message).toList());
    }

    @Test
    void aSweepIsJudgedPointByPoint() {
        ResultFixture f = ResultFixture.result().sweep(0.05, 0.3)
                .point("ast", 0.05, new double[] {0.6, 0.7, 0.71}, new double[] {1, 1, 1});
        ExperimentConfig cfg = f.config().toBuilder().targets("0.05,0.3").minAccuracy(0.75).build();
        Verdict v = Verdicts.evaluate(cfg, f.build());
        assertFalse(v.passed());
        assertEquals(1, v.violations().size(), "only the 5% point is below 0.75: " + v.violations());
        assertTrue(v.violations().get(0).message().startsWith("at targetActivation 5%: accuracy 0.710 is below"
                + " minAccuracy 0.750"), v.violations().get(0).message());
        assertEquals(List.of("minAccuracy@5%", "minAccuracy@30%"), v.checks().stream().map(Check::rule).toList());
        assertEquals(List.of(false, true), v.checks().stream().map(Check::held).toList());
    }

    @Test
    void aSweepsBaselineHoldsEveryPoint() {
        ResultFixture f = ResultFixture.result().sweep(0.1, 0.2);
        ExperimentResult sweep = f.build();
        Path file = dir.resolve("ast-baseline.json");
        ExperimentConfig cfg = f.config().toBuilder().targets("0.1,0.2").baselineFile(file).build();

        Verdict missing = Verdicts.evaluate(cfg, sweep);
        assertEquals(List.of("at targetActivation 10%: baseline file " + file + " does not exist; create it with mvn"
                + " ast:baseline (or Baseline.write) from an accepted run"),
                missing.violations().stream().map(Violation::message).toList(), "one missing file is said once");

        sweep.points().forEach(p -> Baseline.write(file, p));
        assertEquals(List.of("cnn@10%", "cnn@20%"), List.copyOf(Baseline.read(file).experiments().keySet()));
        Verdict v = Verdicts.evaluate(cfg, sweep);
        assertTrue(v.passed(), v.violations().toString());
        assertEquals("compared", v.baseline().status());
        assertTrue(v.baseline().deltas().stream().anyMatch(d -> d.metric().equals("accuracy@20%")),
                v.baseline().deltas().toString());

        // the same sweep re-judged from result.json (ast:check), with a tighter rule at one point
        ResultFixture worse = ResultFixture.result().sweep(0.1, 0.2)
                .point("ast", 0.2, new double[] {0.6, 0.7, 0.8}, new double[] {1, 1, 1});
        Verdict regressed = Verdicts.evaluate(cfg.thresholds(), BaselineRules.of(cfg), worse.build());
        assertFalse(regressed.passed());
        assertTrue(regressed.violations().stream().allMatch(x -> x.message().startsWith("at targetActivation 20%: ")),
                regressed.violations().toString());
    }
}

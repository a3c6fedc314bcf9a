package org.adaptivesparse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.Violation;
import org.junit.jupiter.api.Test;

class ThresholdCheckTest {

    private static List<String> messages(Thresholds t, int warmup, ExperimentResult r) {
        return ThresholdCheck.check(t, 0.10, warmup, r).stream().map(Violation::message).toList();
    }

    private static Thresholds only(Double minAcc, Double maxErr, Double minSav, Double minSpeed, Double maxDrop) {
        return new Thresholds(minAcc, maxErr, minSav, minSpeed, maxDrop);
    }

    @Test
    void everyThresholdPasses() {
        ExperimentResult r = ResultFixture.result().build();
        assertEquals(List.of(), messages(only(0.85, 0.01, 0.85, 1.5, 0.02), 0, r));
    }

    @Test
    void noThresholdsNoViolations() {
        assertEquals(List.of(), messages(only(null, null, null, null, null), 0, ResultFixture.result().build()));
    }

    @Test
    void minAccuracyFails() {
        ExperimentResult r = ResultFixture.result().astAccuracy(0.7, 0.8, 0.812).build();
        assertEquals(List.of("accuracy 0.812 is below minAccuracy 0.850 (epoch 3 of 3); raise epochs or lower the threshold"),
                messages(only(0.85, null, null, null, null), 0, r));
        Violation v = ThresholdCheck.check(only(0.85, null, null, null, null), 0.1, 0, r).get(0);
        assertEquals("accuracy", v.metric());
        assertEquals(0.812, v.actual());
        assertEquals(0.85, v.limit());
    }

    @Test
    void accuracyExactlyAtLimitPasses() {
        ExperimentResult r = ResultFixture.result().astAccuracy(0.7, 0.8, 0.85).build();
        assertEquals(List.of(), messages(only(0.85, null, null, null, null), 0, r));
    }

    @Test
    void activationErrorReportsWorstEpoch() {
        ExperimentResult r = ResultFixture.result().astActivation(0.5, 0.134, 0.11).build();
        assertEquals(List.of("activation error 0.034 exceeds maxActivationError 0.020 (epoch 2: activation 0.134,"
                + " target 0.100); tune kp/ki or widen the limit"), messages(only(null, 0.02, null, null, null), 0, r));
    }

    @Test
    void firstAstEpochIsExemptFromActivationError() {
        ExperimentResult r = ResultFixture.result().astActivation(0.5, 0.1, 0.11).build();
        assertEquals(List.of(), messages(only(null, 0.02, null, null, null), 0, r));
    }

    @Test
    void firstAstEpochAfterWarmupIsExempt() {
        ExperimentResult r = ResultFixture.result().warmup(1).astActivation(1.0, 0.5, 0.1).build();
        assertEquals(List.of(), messages(only(null, 0.02, null, null, null), 1, r));
    }

    @Test
    void onlyAstEpochIsCheckedAnyway() {
        ExperimentResult r = ResultFixture.result().warmup(1).astAccuracy(0.7, 0.8).astActivation(1.0, 0.15)
                .astSeconds(4, 4).fullAccuracy(0.7, 0.8).fullSeconds(8, 8).randomAccuracy(0.6, 0.7).build();
        assertEquals(List.of("activation error 0.050 exceeds maxActivationError 0.020 (epoch 2: activation 0.150,"
                + " target 0.100); tune kp/ki or widen the limit"), messages(only(null, 0.02, null, null, null), 1, r));
    }

    @Test
    void minSavingsFailsAndSaysModeled() {
        ExperimentResult r = ResultFixture.result().build();
        assertEquals(List.of("modeled savings 0.883 is below minSavings 0.950; lower targetActivation or the threshold"),
                messages(only(null, null, 0.95, null, null), 0, r));
    }

    @Test
    void minSpeedupFailsWithMedians() {
        ExperimentResult r = ResultFixture.result().astSeconds(8.7, 8.7, 8.7).fullSeconds(12.3, 12.3, 12.3).build();
        assertEquals(List.of("measured speedup 1.41x is below minSpeedup 1.50x (median epoch seconds: full 12.3 s,"
                + " ast 8.7 s); try selection stale, a larger model or batch, or lower the threshold"),
                messages(only(null, null, null, 1.5, null), 0, r));
    }

    @Test
    void minSpeedupWithoutFullControlIsAViolation() {
        ExperimentResult r = ResultFixture.result().withoutFull().build();
        assertEquals(List.of("measured speedup is unavailable: no full control ran; add full to controls or remove"
                + " minSpeedup"), messages(only(null, null, null, 1.5, null), 0, r));
    }

    @Test
    void accuracyDropVsFullFails() {
        ExperimentResult r = ResultFixture.result().astAccuracy(0.7, 0.8, 0.842).fullAccuracy(0.7, 0.8, 0.883).build();
        assertEquals(List.of("accuracy drop vs full 0.041 exceeds maxAccuracyDropVsFull 0.020 (ast 0.842, full 0.883);"
                + " raise epochs or targetActivation, or widen the limit"),
                messages(only(null, null, null, null, 0.02), 0, r));
    }

    @Test
    void divergedRunIsAViolation() {
        ExperimentResult r = ResultFixture.result().astDiverged("diverged at epoch 2, batch 17: loss NaN").build();
        assertEquals(List.of("training diverged: diverged at epoch 2, batch 17: loss NaN"),
                messages(only(null, null, null, null, null), 0, r));
    }

    @Test
    void violationsComeInFixedOrder() {
        ExperimentResult r = ResultFixture.result().astAccuracy(0.7, 0.8, 0.5).astActivation(0.5, 0.5, 0.5).build();
        List<String> metrics = ThresholdCheck.check(only(0.85, 0.02, 0.85, null, 0.02), 0.1, 0, r).stream()
                .map(Violation::metric).toList();
        assertEquals(List.of("accuracy", "activationError", "modeledSavings", "accuracyDropVsFull"), metrics);
    }

    private static Thresholds timeToTarget(Double target, Double vsRandom, Double vsFull) {
        return new Thresholds(null, null, null, null, null, target, vsRandom, vsFull, null);
    }

    @Test
    void timeToTargetAgainstTheControls() {
        // per-epoch seconds 4 (ast, random) and 8 (full); accuracies ast .70 .80 .85, full .75 .84 .87, random .60 .70 .75
        ExperimentResult r = ResultFixture.result().targetAccuracy(0.80).build();
        assertEquals(List.of(), messages(timeToTarget(0.80, 1.0, 0.6), 0, r), "ast 8 s, full 16 s: 0.5x full");
        assertEquals(List.of("AST reached targetAccuracy 0.800 after 8.0 s of training, 0.50x full's 16.0 s;"
                + " maxTimeToTargetVsFull is 0.40x (work to target: ast 225 trained samples, full 2000)"),
                messages(timeToTarget(0.80, null, 0.4), 0, r));

        ExperimentResult slow = ResultFixture.result().targetAccuracy(0.70).randomAccuracy(0.70, 0.75, 0.80)
                .astAccuracy(0.60, 0.70, 0.80).build();
        assertEquals(List.of("AST reached targetAccuracy 0.700 after 8.0 s of training, 2.00x random's 4.0 s;"
                + " maxTimeToTargetVsRandom is 1.00x (work to target: ast 225 trained samples, random 100)"),
                messages(timeToTarget(0.70, 1.0, null), 0, slow));
        Violation v = ThresholdCheck.check(timeToTarget(0.70, 1.0, null), 0.1, 0, slow).get(0);
        assertEquals("timeToTargetVsRandom", v.metric());
        assertEquals(2.0, v.actual(), 1e-9);

        ExperimentResult never = ResultFixture.result().targetAccuracy(0.86).build();
        assertEquals(List.of("AST did not reach targetAccuracy 0.860 within its 3 epoch(s) (best 0.850; random did not"
                + " either), so maxTimeToTargetVsRandom cannot hold; raise epochs or lower targetAccuracy"),
                messages(timeToTarget(0.86, 1.0, null), 0, never));
        // the control never reaching the target while AST does is a pass
        ExperimentResult controlNever = ResultFixture.result().targetAccuracy(0.85).build();
        assertEquals(List.of(), messages(timeToTarget(0.85, 1.0, null), 0, controlNever));
    }

    @Test
    void selectionLiftBelowTheMinimumFails() {
        ExperimentResult r = ResultFixture.result().astSelectionLift(1.0).build();
        Thresholds t = new Thresholds(null, null, null, null, null, null, null, null, 1.2);
        assertEquals(List.of("selection lift 1.00 is below minSelectionLift 1.20 (epoch 3: AST's trained samples had"
                + " 1.00x the mean loss of the samples it could have trained; the random control got 1.00);"
                + " check the scorer, or lower the threshold"), messages(t, 0, r));
        assertEquals(List.of(), messages(t, 0, ResultFixture.result().astSelectionLift(2.5).build()));
    }

    @Test
    void thresholdsHoldTheMedianOverSeedsNotTheFirstSeed() {
        // seeds 42, 43, 44 end at 0.850, 0.849, 0.848: the first seed alone would pass 0.8495
        ExperimentResult r = ResultFixture.result().seeds(42, 43, 44).build();
        List<Violation> v = ThresholdCheck.check(new Thresholds(0.8495, null, null, null, null), 0.10, 0, r);
        assertEquals(1, v.size());
        assertEquals(0.849, v.get(0).actual(), 1e-9);
        assertTrue(v.get(0).message().startsWith("accuracy 0.849 (median of 3 seeds, 0.848 to 0.850) is below"
                + " minAccuracy"), v.get(0).message());
        assertEquals(List.of(), ThresholdCheck.check(new Thresholds(0.849, null, null, null, null), 0.10, 0, r));
    }

    @Test
    void timeToTargetOverSeedsIsTheMedianOfPairedRatios() {
        // AST reaches 0.80 at its second epoch (8 s), random never does: ratio 0 on every seed
        ExperimentResult r = ResultFixture.result().seeds(42, 43, 44).targetAccuracy(0.80).build();
        assertEquals(List.of(), ThresholdCheck.check(
                new Thresholds(null, null, null, null, null, 0.80, 1.0, null, null), 0.10, 0, r));
        // AST 8 s (seed 42) or 12 s (43 and 44, whose accuracies are 0.001 lower) against full's 16 s: median 0.75x
        List<Violation> v = ThresholdCheck.check(new Thresholds(null, null, null, null, null, 0.80, null, 0.4, null),
                0.10, 0, r);
        assertEquals(1, v.size());
        assertEquals("AST's time to targetAccuracy 0.800 is 0.75x full's, the median of 3 seeds (0.50x to 0.75x; AST"
                + " first on 3 of 3); maxTimeToTargetVsFull is 0.40x", v.get(0).message());
        // a target AST never reaches on any seed
        ExperimentResult never = ResultFixture.result().seeds(42, 43).targetAccuracy(0.95).build();
        List<Violation> missed = ThresholdCheck.check(
                new Thresholds(null, null, null, null, null, 0.95, 1.0, null, null), 0.10, 0, never);
        assertEquals("AST did not reach targetAccuracy 0.950 on 2 of 2 seeds within 3 epoch(s), so the median time to"
                + " target is undefined and maxTimeToTargetVsRandom cannot hold; raise epochs or lower targetAccuracy",
                missed.get(0).message());
    }
}

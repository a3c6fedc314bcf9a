package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.stats.Spread;
import org.junit.jupiter.api.Test;

class TradeOffTest {

    private static TradeOff.Point p(double target, Double seconds, double accuracy) {
        return new TradeOff.Point("ast (fresh)", Policy.AST, target, 1, seconds == null ? 0 : 1, seconds,
                seconds == null ? Double.NaN : seconds, seconds == null ? Double.NaN : seconds, Spread.of(accuracy), false);
    }

    @Test
    void theFrontierIsThePointsNoOtherIsBothSoonerAndAtLeastAsAccurateAs() {
        List<TradeOff.Point> marked = TradeOff.frontier(List.of(p(0.05, 10.0, 0.70), p(0.1, 12.0, 0.80),
                p(0.2, 15.0, 0.78), p(0.3, 20.0, 0.85), p(0.5, null, 0.90), p(0.6, 12.0, 0.80)));
        // 0.2 is later and less accurate than 0.1; 0.5 has no time; 0.1 and 0.6 tie, neither dominates the other
        assertEquals(List.of(true, true, false, true, false, true),
                marked.stream().map(TradeOff.Point::frontier).toList());
    }

    @Test
    void theBestTargetIsTheQuickestWithinTheToleranceOfTheMostAccurate() {
        List<TradeOff.Point> ps = List.of(p(0.05, 10.0, 0.70), p(0.1, 12.0, 0.845), p(0.3, 20.0, 0.85),
                p(0.5, null, 0.95));
        assertEquals(0.1, TradeOff.best(ps, 0.01).orElseThrow().target());
        assertEquals(0.3, TradeOff.best(ps, 0.001).orElseThrow().target(), "0.845 is more than 0.001 below 0.85");
        assertEquals(0.05, TradeOff.best(ps, 0.2).orElseThrow().target());
        assertTrue(TradeOff.best(List.of(p(0.1, null, 0.9)), 0.01).isEmpty(), "no point with a time, no best");
    }

    @Test
    void aSweepHasOnePointPerPolicyAndTargetAndFullOnce() {
        ExperimentResult sweep = ResultFixture.result().seeds(1, 2, 3).sweep(0.1, 0.3).targetAccuracy(0.70)
                .point("ast", 0.1, new double[] {0.60, 0.75, 0.80}, new double[] {1, 1, 1})
                .point("ast", 0.3, new double[] {0.72, 0.82, 0.84}, new double[] {3, 3, 3})
                .point("random", 0.1, new double[] {0.50, 0.60, 0.65}, new double[] {1, 1, 1})
                .point("random", 0.3, new double[] {0.60, 0.7005, 0.80}, new double[] {2, 2, 2}).build();
        TradeOff t = TradeOff.of(sweep).orElseThrow();

        assertEquals(List.of("ast (fresh)", "random"), t.seriesNames());
        TradeOff.Point ast10 = t.series("ast (fresh)").get(0);
        assertEquals(0.1, ast10.target());
        assertEquals(3, ast10.seeds());
        assertEquals(3, ast10.reached());
        assertEquals(2.0, ast10.seconds(), 1e-9, "0.75 >= 0.70 after epoch 2");
        assertEquals(3.0, t.series("ast (fresh)").get(1).seconds(), 1e-9, "0.72 at epoch 1");
        // random at 10% peaks at 0.65 (0.649, 0.648 on later seeds): never reaches 0.70
        TradeOff.Point random10 = t.series("random").get(0);
        assertNull(random10.seconds());
        assertEquals(0, random10.reached());
        assertFalse(random10.frontier());
        // random at 30% reaches 0.70 at epoch 2 on the first seed only (0.7005, then 0.6995, 0.6985), all at epoch 3
        TradeOff.Point random30 = t.series("random").get(1);
        assertEquals(6.0, random30.seconds(), 1e-9);
        assertEquals(4.0, random30.secondsMin(), 1e-9);
        assertEquals("full", t.full().series());
        assertNull(t.full().target());

        // AST: 10% is 0.80 at 2 s, 30% 0.84 at 3 s; within 0.01 only 30% is, so 30% is best and recommended
        assertEquals(0.3, t.best().get("ast (fresh)").target());
        assertEquals(0.3, t.recommended().orElseThrow().target());
        assertEquals(0.3, t.best().get("random").target());
        assertEquals(0.3, t.detailTarget(sweep));
        ExperimentResult detail = t.detail(sweep);
        assertEquals(sweep.name(), detail.name());
        assertEquals(List.of(Policy.AST, Policy.FULL, Policy.RANDOM), detail.policies());
        assertEquals(3, detail.seedCount());
    }

    @Test
    void withoutATargetAccuracyTheWholeRunIsTimed() {
        ExperimentResult sweep = ResultFixture.result().sweep(0.1, 0.5).build();
        TradeOff t = TradeOff.of(sweep).orElseThrow();
        assertFalse(t.timeToTarget());
        assertEquals("training s (whole run)", t.timeLabel());
        assertEquals(12.0 * 0.4, t.series("ast (fresh)").get(0).seconds(), 1e-9);
        assertEquals(TradeOff.DEFAULT_TOLERANCE, t.tolerance());
        assertTrue(t.rule().contains("within 0.010"), t.rule());
    }

    @Test
    void aPlainExperimentHasNoTradeOff() {
        assertTrue(TradeOff.of(ResultFixture.result().build()).isEmpty());
    }

    @Test
    void whenFullIsNoLaterAndAtLeastAsAccurateTheSweepSaysSo() {
        // full (fixture default: 0.75, 0.84, 0.87 at 8 s per epoch) reaches 0.70 after 8 s; AST at 10% after 2 s
        ExperimentResult quickAst = ResultFixture.result().sweep(0.1).targetAccuracy(0.70)
                .point("ast", 0.1, new double[] {0.60, 0.75, 0.80}, new double[] {1, 1, 1})
                .point("random", 0.1, new double[] {0.50, 0.60, 0.65}, new double[] {1, 1, 1}).build();
        assertTrue(TradeOff.of(quickAst).orElseThrow().fullDominates().isEmpty());
        // AST at 10% needs 3 epochs of 9 s (27 s) for 0.71: full, 8 s and 0.87, dominates it
        ExperimentResult slowAst = ResultFixture.result().sweep(0.1).targetAccuracy(0.70)
                .point("ast", 0.1, new double[] {0.60, 0.65, 0.71}, new double[] {9, 9, 9})
                .point("random", 0.1, new double[] {0.50, 0.60, 0.65}, new double[] {1, 1, 1}).build();
        assertEquals("full training was no later (8.0 s against 27.0 s) and at least as accurate (0.870 against"
                + " 0.710) as the recommended target: at this size sparse training saves nothing",
                TradeOff.of(slowAst).orElseThrow().fullDominates().orElseThrow());
    }
}

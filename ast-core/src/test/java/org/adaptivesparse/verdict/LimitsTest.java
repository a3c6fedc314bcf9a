package org.adaptivesparse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.LimitText;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private static final LimitCheck.Context CTX = new LimitCheck.Context(0.10, 0, null);

    private static List<Check> check(String limits, ExperimentResult r) {
        return LimitCheck.checks(Limits.written(LimitText.parse(limits)), CTX, r);
    }

    @Test
    void aFlatOptionIsTheShortFormOfALimitWithTheSameCheck() {
        ExperimentResult r = ResultFixture.result().astAccuracy(0.7, 0.8, 0.812).build();
        ExperimentConfig cfg = ExperimentConfig.builder().minAccuracy(0.85).build();
        List<Limit> flat = Limits.of(cfg);
        assertEquals(1, flat.size());
        Limit l = flat.get(0);
        assertEquals(Figures.ACCURACY, l.figure());
        assertEquals(Policy.AST, l.policy());
        assertTrue(l.atLeast());
        assertEquals("minAccuracy", l.rule());
        Check c = LimitCheck.checks(flat, CTX, r).get(0);
        assertEquals("accuracy 0.812 is below minAccuracy 0.850 (epoch 3 of 3); raise epochs or lower the threshold",
                c.message());
        Check written = check("accuracy >= 0.85", r).get(0);
        assertEquals("accuracy 0.812 is below accuracy 0.850 (epoch 3 of 3); raise epochs or lower the threshold",
                written.message());
        assertEquals("accuracy >= 0.85", written.rule());
        assertEquals(c.metric(), written.metric());
        assertEquals(c.value(), written.value());
    }

    @Test
    void anAggregateOverSeedsHoldsTheLowestOrHighestSeed() {
        ExperimentResult r = ResultFixture.result().seeds(1, 2, 3).astAccuracy(0.7, 0.8, 0.85).build();
        Check min = check("accuracy.min >= 0.849", r).get(0);
        assertTrue(!min.held(), min.message());
        assertEquals("accuracy 0.848 (lowest of 3 seeds, 0.848 to 0.850) is below accuracy.min 0.849 (epoch 3 of 3);"
                + " raise epochs or lower the threshold", min.message());
        assertTrue(check("accuracy.median >= 0.849", r).get(0).held());
        assertTrue(check("accuracy.max <= 0.850", r).get(0).held());
        Check median = check("accuracy <= 99%", r).get(0);
        assertTrue(median.held(), median.message());
        assertEquals(0.99, median.limit(), 1e-12);
    }

    @Test
    void aPolicyAndAFigureAgainstAControlAreNamedInTheLimit() {
        ExperimentResult r = ResultFixture.result().build();
        Check random = check("random.accuracy >= 0.99", r).get(0);
        assertTrue(random.message().startsWith("random accuracy "), random.message());
        assertEquals("random.accuracy", random.metric());
        Check drop = check("accuracyDropVsRandom <= 1", r).get(0);
        assertTrue(drop.held(), drop.message());
        assertTrue(drop.message().startsWith("accuracy drop vs random "), drop.message());
        assertEquals("accuracyDropVsRandom", drop.metric());
        Check missing = check("speedupVsRandomEpoch >= 1", r).get(0);
        assertEquals("measured speedup vs random-epoch is unavailable: no random-epoch control ran; add random-epoch"
                + " to controls or remove speedupVsRandomEpoch", missing.message());
    }

    @Test
    void aMisspeltFigureIsNamedWithTheNearestOne() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Limits.written(LimitText.parse("accuracy >= 0.7; timeToTargetVsRandon <= 0.9")));
        assertEquals("limits", e.field());
        assertTrue(e.getMessage().startsWith("limits: limit 2 'timeToTargetVsRandon <= 0.9': 'timeToTargetVsRandon'"
                + " is not a figure; did you mean timeToTargetVsRandom; known figures: accuracy, "), e.getMessage());
    }

    @Test
    void syntaxErrorsAreLocatedWhenTheConfigurationIsBuilt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentConfig.builder().limits("accuracy > 0.7").build());
        assertEquals("limits: limit 1 'accuracy > 0.7' is not a limit; write figure >= number or figure <= number,"
                + " e.g. accuracy.min >= 0.70 or timeToTargetVsRandom <= 0.9", e.getMessage());
        ConfigException agg = assertThrows(ConfigException.class,
                () -> ExperimentConfig.builder().limits("accuracy.mdian >= 0.7").build());
        assertTrue(agg.getMessage().startsWith("limits: limit 1 'accuracy.mdian >= 0.7': 'mdian' is not an aggregate"
                + " over seeds; did you mean median"), agg.getMessage());
        ConfigException number = assertThrows(ConfigException.class,
                () -> ExperimentConfig.builder().limits("accuracy >= high").build());
        assertTrue(number.getMessage().endsWith("'high' is not a number; write e.g. 0.85, 85% or 1.5x"),
                number.getMessage());
    }

    @Test
    void writtenLimitsComeAfterTheFlatOnesInTheVerdict() {
        ExperimentResult r = ResultFixture.result().astAccuracy(0.7, 0.8, 0.812).build();
        ExperimentConfig cfg = ExperimentConfig.builder().minAccuracy(0.85).limits("testLoss <= 100; activation >= 0.5")
                .build();
        List<Check> checks = Verdicts.evaluate(cfg, r).checks();
        assertEquals(List.of("minAccuracy", "testLoss <= 100", "activation >= 0.5"),
                checks.stream().map(Check::rule).toList());
        assertEquals(List.of(false, true, false), checks.stream().map(Check::held).toList());
    }
}

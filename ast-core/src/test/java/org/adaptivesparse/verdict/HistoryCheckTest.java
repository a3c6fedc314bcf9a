package org.adaptivesparse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.HistorySeries;
import org.adaptivesparse.result.HistoryUse;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.Verdict;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {
    // mean 0.720, sd sqrt(0.00025) = 0.0158; t(0.95, 4) 2.1318 x sd x sqrt(1 + 1/5) = 0.0369: bound 0.6831
    private static final HistorySeries FIVE = new HistorySeries("Xeon (sha256:aaaaaaaaaaaa, PyTorch 2.7.1, 1 thread)",
            List.of(0.70, 0.71, 0.72, 0.73, 0.74), List.of(), List.of());

    @Test
    void aRunBelowItsSeriesPredictionBoundIsARegression() {
        Check low = HistoryCheck.check(FIVE, ResultFixture.result().astAccuracy(0.5, 0.6, 0.68).build(), 5, null).get(0);
        assertEquals(0.72 - 2.1318 * Math.sqrt(0.00025) * Math.sqrt(1.2), low.limit(), 1e-4);
        assertFalse(low.held());
        assertEquals("accuracy 0.680 against the last 5 runs of history series Xeon (sha256:aaaaaaaaaaaa, PyTorch"
                + " 2.7.1, 1 thread) (mean 0.720, sd 0.016) is below its one-sided 95 % bound 0.683 by 0.003: lower"
                + " than these runs' own noise explains; look at what changed since them", low.message());
        assertEquals("accuracy: detectable drop 0.037 against the history (one-sided t prediction bound at 95 %, 5"
                + " earlier runs of series Xeon (sha256:aaaaaaaaaaaa, PyTorch 2.7.1, 1 thread), sd 0.016)",
                low.detectable().text());
        assertTrue(HistoryCheck.check(FIVE, ResultFixture.result().astAccuracy(0.5, 0.6, 0.69).build(), 5, null)
                .get(0).held());
    }

    @Test
    void fewerEarlierRunsThanHistoryMinRunsJudgeNothingAndTheVerdictSaysHowMany() {
        assertEquals(List.of(), HistoryCheck.check(FIVE, ResultFixture.result().build(), 6, null));
        Verdict v = Verdicts.evaluate(List.of(), new LimitCheck.Context(0.1, 0, null), null,
                new Verdicts.HistoryRules(r -> FIVE, 6, 10), false, ResultFixture.result().astAccuracy(0.1, 0.2, 0.3)
                        .build());
        assertTrue(v.passed(), v.violations().toString());
        assertEquals(new HistoryUse(FIVE.name(), 5, 6, 10), v.history());
        assertEquals("history series Xeon (sha256:aaaaaaaaaaaa, PyTorch 2.7.1, 1 thread) holds 5 earlier runs of this"
                + " experiment and settings; 6 are needed before a run is judged against it", v.history().text());
        Verdict judged = Verdicts.evaluate(List.of(), new LimitCheck.Context(0.1, 0, null), null,
                new Verdicts.HistoryRules(r -> FIVE, 5, 10), false, ResultFixture.result().astAccuracy(0.1, 0.2, 0.3)
                        .build());
        assertFalse(judged.passed());
        assertTrue(judged.violations().get(0).message().startsWith("accuracy 0.300 against the last 5 runs"));
    }
}

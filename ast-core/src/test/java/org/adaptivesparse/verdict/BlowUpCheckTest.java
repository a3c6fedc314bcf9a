package org.adaptivesparse.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig.Thresholds;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.ResultJson;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlowUpCheckTest {
    private static final Thresholds NONE = new Thresholds(null, null, null, null, null);

    private static List<String> messages(ExperimentResult r) {
        return BlowUpCheck.check(r).stream().map(Violation::message).toList();
    }

    @Test
    void normalRunsRaiseNothing() {
        // the sample project's figures: AST trains on the hardest samples, so its loss sits above ln 10
        ExperimentResult r = ResultFixture.result().classes(10).astAccuracy(0.722, 0.768, 0.819)
                .trainLoss("ast", 2.11, 1.617, 1.488).fullAccuracy(0.837, 0.867, 0.885)
                .trainLoss("full", 0.62, 0.359, 0.306).randomAccuracy(0.785, 0.806, 0.831).build();
        assertEquals(List.of(), messages(r));
        // a one-epoch IT on 2000 samples
        assertEquals(List.of(), messages(ResultFixture.result().classes(10).astAccuracy(0.445).trainLoss("ast", 2.509)
                .fullAccuracy(0.712).trainLoss("full", 1.289).withoutRandom().astActivation(0.1).astSeconds(1)
                .fullSeconds(2).build()));
    }

    @Test
    void learningRateTenOnMlpIsReportedWithoutThresholds() {
        // -Dast.learningRate=10 on mlp, Fashion-MNIST: what the issue measured
        ExperimentResult r = ResultFixture.result().classes(10).withoutRandom().astAccuracy(0.115).astActivation(0.1)
                .astSeconds(1).trainLoss("ast", 5.8e7).fullAccuracy(0.117).fullSeconds(2).trainLoss("full", 3.1e7)
                .build();
        assertEquals(List.of("AST's training loss exploded: 5.8e+07 at epoch 1 (above 10 x ln 10 = 23.0), test"
                + " accuracy 0.115; the full control did the same (accuracy 0.117); lower learningRate"), messages(r));
        Verdict v = Verdicts.evaluate(NONE, 0.1, 0, null, r);
        assertEquals(false, v.passed());
        assertEquals("trainLossExploded", v.violations().get(0).metric());
    }

    @Test
    void lossThatGrowsAHundredfoldHasExplodedWithoutAClassCount() {
        ExperimentResult r = ResultFixture.result().trainLoss("ast", 0.9, 0.08, 9.0).build();
        assertEquals(List.of("AST's training loss exploded: 9.0 at epoch 3 (above 100 x epoch 2's 0.0800), test"
                + " accuracy 0.850; the full control did not (accuracy 0.870), the random control did not (accuracy"
                + " 0.750); lower learningRate"), messages(r));
        assertEquals(List.of(), messages(ResultFixture.result().trainLoss("ast", 0.9, 0.08, 7.9).build()));
    }

    @Test
    void accuracyAtChanceNamesWhatTheControlsDid() {
        ExperimentResult alone = ResultFixture.result().classes(10).astAccuracy(0.2, 0.12, 0.11).build();
        assertEquals(List.of("AST's test accuracy 0.110 is at chance level for 10 classes (below 1/10 + 0.050 = 0.150"
                + " after 3 epoch(s)); the full control did not (accuracy 0.870), the random control did not (accuracy"
                + " 0.750); the data can be learnt, so look at this policy"), messages(alone));
        ExperimentResult all = ResultFixture.result().classes(10).astAccuracy(0.1, 0.1, 0.115).fullAccuracy(0.1, 0.1, 0.117)
                .randomAccuracy(0.1, 0.1, 0.09).build();
        assertEquals(List.of("AST's test accuracy 0.115 is at chance level for 10 classes (below 1/10 + 0.050 = 0.150"
                + " after 3 epoch(s)); the full control did the same (accuracy 0.117), the random control did the same"
                + " (accuracy 0.090); lower learningRate, raise epochs or check the data"), messages(all));
    }

    @Test
    void aControlAtChanceIsReportedWhenAstIsNot() {
        ExperimentResult r = ResultFixture.result().classes(4).randomAccuracy(0.2, 0.25, 0.26).build();
        assertEquals(List.of("the random control's test accuracy 0.260 is at chance level for 4 classes (below 1/4 +"
                + " 0.050 = 0.300 after 3 epoch(s)); AST did not (accuracy 0.850), the full control did not (accuracy"
                + " 0.870); the data can be learnt, so look at this policy"), messages(r));
    }

    @Test
    void aRunThatFailedTheOtherWayIsNamedForWhatItDid() {
        // learning rate x100 in the sample: AST's loss exploded (accuracy 0.095), the random control ended at chance
        ExperimentResult r = ResultFixture.result().classes(10).withoutFull().astAccuracy(0.1, 0.1, 0.095)
                .trainLoss("ast", 2.3, 250.0, 240.0).randomAccuracy(0.1, 0.11, 0.107).trainLoss("random", 2.3, 2.3, 2.3)
                .build();
        assertEquals(List.of("AST's training loss exploded: 250.0 at epoch 2 (above 10 x ln 10 = 23.0), test accuracy"
                + " 0.095; the random control ended at chance level (accuracy 0.107); lower learningRate",
                "the random control's test accuracy 0.107 is at chance level for 10 classes (below 1/10 + 0.050 = 0.150"
                + " after 3 epoch(s)); AST's training loss exploded (accuracy 0.095); lower learningRate, raise epochs"
                + " or check the data"), messages(r));
    }

    @Test
    void justAboveChanceAndUnknownClassCountPass() {
        assertEquals(List.of(), messages(ResultFixture.result().classes(10).astAccuracy(0.1, 0.1, 0.151).build()));
        assertEquals(List.of(), messages(ResultFixture.result().astAccuracy(0.1, 0.1, 0.1).build()));
    }

    @Test
    void aDivergedRunIsLeftToTheDivergenceMessage() {
        ExperimentResult r = ResultFixture.result().classes(10).astAccuracy(0.1, 0.1, 0.1).astDiverged("loss NaN")
                .build();
        assertEquals(List.of(), messages(r));
    }

    @Test
    void classCountSurvivesResultJson(@TempDir Path dir) {
        ExperimentResult r = ResultFixture.result().classes(10).astAccuracy(0.1, 0.1, 0.1).build();
        Path f = dir.resolve("result.json");
        ResultJson.write(f, r);
        assertEquals(messages(r), messages(ResultJson.read(f)));
        assertEquals(1, messages(r).size());
    }

    @Test
    void withSeveralSeedsEachSeedIsJudgedWithItsOwnControls() {
        ExperimentResult r = ResultFixture.result().classes(10).seeds(42, 43).trainLoss("ast", 1.0, 300.0, 2.0)
                .build();
        List<String> m = BlowUpCheck.check(r).stream().map(Violation::message).toList();
        assertEquals(2, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("seed 42: AST's training loss exploded: 300.0 at epoch 2"), m.get(0));
        assertTrue(m.get(1).startsWith("seed 43: AST's training loss exploded: 300.0 at epoch 2"), m.get(1));
        // the other runs named are the two controls of the same seed, not every run of the result
        assertTrue(m.get(0).contains("; the full control did not (accuracy 0.870), the random control did not"
                + " (accuracy 0.750); "), m.get(0));
        assertTrue(m.get(1).contains("; the full control did not (accuracy 0.869), the random control did not"
                + " (accuracy 0.749); "), m.get(1));
    }
}

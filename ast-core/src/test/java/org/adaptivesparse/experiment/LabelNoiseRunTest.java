package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.LabelNoise;
import org.adaptivesparse.data.SyntheticImages;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.verdict.Verdicts;
import org.junit.jupiter.api.Test;

/** labelNoise corrupts the training labels every policy sees, and each run says how much of what it trained was wrong. */
class LabelNoiseRunTest {
    private static ExperimentConfig.Builder base() {
        return ExperimentConfig.builder().name("noisy").dataset("synthetic").limit(2000).testLimit(200).seed(5)
                .model("mlp").epochs(2).batchSize(64).targetActivation(0.25).controls("full,random").threads(1);
    }

    @Test
    void everyRunSaysWhatShareOfItsTrainedSamplesWasMislabelled() {
        ExperimentResult r = new ExperimentRunner(null).run(base().labelNoise(0.3).build());

        // the same corruption the runner applied: seeded by the experiment's seed
        DataSplit clean = SyntheticImages.generate(2000, 200, 5);
        double corrupted = LabelNoise.apply(clean, 0.3, LabelNoise.Kind.SYMMETRIC, 5).share();
        // full trains every sample every epoch: exactly the corrupted share
        assertEquals(corrupted, r.run(Policy.FULL).orElseThrow().mislabelledShare(), 1e-12);
        assertEquals(0.3, r.run(Policy.RANDOM).orElseThrow().mislabelledShare(), 0.05);
        assertTrue(r.run(Policy.AST).orElseThrow().mislabelledShare() > 0);
        assertEquals(0.3, r.configured(Options.LABEL_NOISE).orElseThrow(), 1e-12);
        assertEquals("symmetric", r.settings().get("labelNoiseKind"));
    }

    @Test
    void withoutNoiseNothingIsMeasuredAndTheSettingsStayAsBefore() {
        ExperimentResult r = new ExperimentRunner(null).run(base().epochs(1).build());
        r.runs().forEach(run -> assertNull(run.mislabelledShare(), run.policy().id()));
        assertFalse(r.settings().containsKey("labelNoise"));
        assertFalse(r.settings().containsKey("labelNoiseKind"));
    }

    @Test
    void theMislabelledShareCanBeGated() {
        ExperimentConfig cfg = base().epochs(1).labelNoise(0.4).labelNoiseKind("pairs")
                .limits("ast.mislabelledShare <= 0.01").build();
        ExperimentResult r = new ExperimentRunner(null).run(cfg);

        Verdict v = Verdicts.evaluate(cfg, r);

        assertFalse(v.passed());
        assertTrue(v.violations().stream().anyMatch(x -> x.message().startsWith("mislabelled share ")), v.toString());
    }

    @Test
    void aRateOfOneOrMoreIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> base().labelNoise(1.0).build());
        assertEquals("labelNoise 1.0 is out of range; allowed: 0 (none) up to, but not including, 1 (e.g. 0.3 or 30%)",
                e.getMessage());
        assertEquals("labelNoiseKind 'flip' is not a label noise kind; allowed: symmetric, pairs",
                assertThrows(ConfigException.class, () -> base().labelNoiseKind("flip")).getMessage());
    }
}

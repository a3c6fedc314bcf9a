package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.SelectionMode;
import org.junit.jupiter.api.Test;

/** The modes own their options: the configuration finds them through the registry, not by name. */
class SelectionModesTest {

    @Test
    void theConfigurationListsTheRegisteredModesTheDefaultFirst() {
        assertEquals(List.of("fresh", "stale", "importance", "smallloss", "reducible", "filter"),
                SelectionMode.all().stream().map(SelectionMode::id).toList());
        assertEquals("fresh", Options.SELECTION.defaultValue().id());
        assertEquals("How AST picks samples: fresh (a scoring forward every batch), stale (stored losses),"
                + " importance (unbiased importance sampling from stored scores, loss-weighted), smallloss (uniform"
                + " draws among all but the highest stored losses, for noisy labels), reducible (current loss minus a"
                + " reference model's loss as RHO-LOSS scores, for noisy labels) or filter (uniform draws among all but the"
                + " highest reference-model losses, for noisy labels)",
                Options.SELECTION.description());
        assertEquals("selection 'lazy' is not a selection mode; allowed: fresh, stale, importance, smallloss, reducible,"
                + " filter",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder().selection("lazy")).getMessage());
        for (SelectionMode m : SelectionMode.all()) {
            assertInstanceOf(AstMode.class, m, m.id() + " builds its strategy");
        }
    }

    @Test
    void aModesOptionsFollowTheCoreOptionsAndAreKnownByName() {
        List<Option<?>> all = Options.all();
        int firstModeOption = all.indexOf(StaleMode.REFRESH_EPOCHS);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i >= firstModeOption, SelectionMode.isModeOption(all.get(i)), all.get(i).name());
        }
        // the order they were checked and reported in when Options declared them, each mode's kept
        assertEquals(List.of("staleRefreshEpochs", "staleExploration", "staleSampling", "percentileBeta", "staleSkipTop",
                "score", "importanceAlpha", "importanceFloor", "pressureSchedule", "primeEpochs", "smallLossDrop",
                "smallLossRampEpochs", "reducibleScores", "referenceHoldout", "referenceEpochs", "referenceModel", "filterDrop"),
                all.subList(firstModeOption, all.size()).stream().map(Option::name).toList());
        for (SelectionMode m : SelectionMode.all()) {
            for (Option<?> o : m.options()) {
                assertEquals(o, Options.named(o.name()), "the front ends find " + o.name() + " by name");
                assertEquals(1, all.stream().filter(x -> x == o).count(), o.name() + " listed once");
            }
        }
    }

    @Test
    void aModesOptionAppliesAndComparesOnlyWhileItsModeIsSelected() {
        ExperimentConfig fresh = ExperimentConfig.builder().set("staleSampling", "coverage").set("score", "gradnorm")
                .build();
        assertFalse(fresh.comparableSettings().containsKey("staleSampling"), "not read by fresh");
        assertFalse(fresh.comparableSettings().containsKey("score"));
        ExperimentConfig importance = fresh.toBuilder().selection("importance").build();
        assertFalse(importance.comparableSettings().containsKey("staleSampling"), "stale's own");
        assertEquals("gradnorm", importance.comparableSettings().get("score"), "shared by the stored-score modes");
        ExperimentConfig stale = fresh.toBuilder().selection("stale").build();
        assertEquals("coverage", stale.comparableSettings().get("staleSampling"));
        assertFalse(stale.comparableSettings().containsKey("percentileBeta"), "only with percentile");
        assertTrue(stale.toBuilder().set("staleSampling", "percentile").build().comparableSettings()
                .containsKey("percentileBeta"));
    }

    @Test
    void eachModeBuildsItsStrategyFromItsOwnSettings() {
        ExperimentConfig cfg = ExperimentConfig.builder().selection("stale").set("staleSampling", "Coverage ")
                .set("staleExploration", "20%").set("score", "gradnorm").set("primeEpochs", 1).epochs(3).build();
        StaleMode.Settings s = StaleMode.Settings.of(cfg);
        assertEquals(StaleSampling.COVERAGE, s.sampling());
        assertEquals(0.2, s.exploration(), 1e-12);
        assertEquals(new StoredScoreOptions.Settings(ScoreKind.GRADNORM, 0.7, 0.3, Pressure.CONSTANT, 1, 3), s.stored());
        assertEquals(0.1, ImportanceMode.Settings.of(cfg).target(), 1e-12);
    }
}

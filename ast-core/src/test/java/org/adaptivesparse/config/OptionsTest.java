package org.adaptivesparse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static RawConfiguration raw() {
        return new RawConfiguration(field -> "<" + field + ">");
    }

    @Test
    void valuesAreTypedFromTextAndFromAnnotationTypes() {
        RawConfiguration raw = raw().put("targetActivation", "25%", "pom").put("epochs", 2, "annotation")
                .put("seed", 7, "annotation").put("controls", new String[] {"full", "random"}, "annotation")
                .put("minAccuracy", 0.5, "annotation").put("allowDownload", "FALSE", "pom");
        ExperimentConfig c = ConfigurationProcessor.process(raw, null, null);
        assertEquals(0.25, c.targetActivation(), 1e-12);
        assertEquals(2, c.epochs());
        assertEquals(7L, c.seed());
        assertEquals(List.of(Policy.FULL, Policy.RANDOM), c.controls());
        assertEquals(0.5, c.thresholds().minAccuracy());
        assertEquals(false, c.allowDownload());
    }

    @Test
    void errorsSayWhereTheValueWasWritten() {
        ConfigException range = assertThrows(ConfigException.class, () -> ConfigurationProcessor.process(
                raw().put("targetActivation", "150%", "-Dast.targetActivation"), null, null));
        assertEquals("-Dast.targetActivation: targetActivation 1.5 is out of range; allowed: greater than 0 and at most 1"
                + " (e.g. 0.10 for 10%)", range.located());
        ConfigException text = assertThrows(ConfigException.class, () -> ConfigurationProcessor.process(
                raw().put("epochs", "two", "here"), null, null));
        assertEquals("here: epochs 'two' is not a whole number", text.located());
        ConfigException type = assertThrows(ConfigException.class, () -> ConfigurationProcessor.process(
                raw().put("epochs", 1.5, "there"), null, null));
        assertEquals("there: epochs cannot be set from 1.5 (Double); it takes a Integer", type.located());
        // a rule between two options names the source of the one at fault, set or not
        ConfigException unset = assertThrows(ConfigException.class, () -> ConfigurationProcessor.process(
                raw().put("stdWeight", "0.5", "s"), null, null));
        assertEquals("<lossWeight>: lossWeight 0.7 and stdWeight 0.5 sum to 1.2; they must sum to 1", unset.located());
    }

    @Test
    void laterLayersOverrideEarlierOnesAndTheirSource() {
        RawConfiguration raw = raw().put("epochs", "3", "pom").put("epochs", "0", "-Dast.epochs");
        assertEquals("-Dast.epochs", raw.sourceOf("epochs"));
        assertEquals("<limit>", raw.sourceOf("limit"));
        assertEquals("-Dast.epochs: epochs 0 is out of range; allowed: 1 or more",
                assertThrows(ConfigException.class, () -> ConfigurationProcessor.process(raw, null, null)).located());
    }

    @Test
    void misspeltNamesGetASuggestion() {
        ConfigException e = assertThrows(ConfigException.class, () -> raw().put("tragetActivation", "0.5", "pom"));
        assertTrue(e.located().startsWith("pom: 'tragetActivation' is not a configuration field; did you mean"
                + " targetActivation? known fields: allowDownload, baselineFile, batchSize,"), e.located());
        ConfigException far = assertThrows(ConfigException.class, () -> raw().put("colour", "red", "pom"));
        assertTrue(far.getMessage().startsWith("'colour' is not a configuration field; known fields: "), far.getMessage());
        assertEquals("epochs", Suggestions.nearest("epoch", Options.names()));
        assertEquals("learningRate", Suggestions.nearest("learningrate", Options.names()));
        assertNull(Suggestions.nearest("x", Options.names()));
    }

    @Test
    void relativePathsAreTakenFromTheBaseDirectory() {
        Path base = Path.of("/project").toAbsolutePath();
        ExperimentConfig c = ConfigurationProcessor.process(raw().put("dataDir", "data", "pom")
                .put("baselineFile", "/abs/b.json", "pom").put("historyFile", "", "pom"), null, base);
        assertEquals(base.resolve("data"), c.dataDir());
        assertEquals(Path.of("/abs/b.json"), c.baselineFile());
        assertNull(c.historyFile());
    }

    @Test
    void comparableSettingsAreTheOnesThatDecideTheFigures() {
        assertEquals(List.of("dataset", "limit", "testLimit", "model", "epochs", "batchSize", "targetActivation",
                "selection", "gate", "lossWeight", "stdWeight", "kp", "ki", "emaAlpha", "warmupEpochs", "seed",
                "learningRate", "energyActive", "energySkipped"),
                List.copyOf(ExperimentConfig.builder().build().comparableSettings().keySet()));
        var stale = ExperimentConfig.builder().selection("stale").build().comparableSettings();
        assertEquals("stale", stale.get("selection"));
        assertEquals(List.of("staleRefreshEpochs", "staleExploration", "staleSampling", "staleSkipTop"),
                List.copyOf(stale.keySet()).subList(19, 23));
    }

    @Test
    void targetsMakeASweepThatReplacesTargetActivation() {
        ExperimentConfig c = ConfigurationProcessor.process(raw().put("targets", "20%, 0.05,0.1", "pom")
                .put("targetActivation", "0.3", "pom"), null, null);
        assertTrue(c.isSweep());
        assertEquals(List.of(0.05, 0.1, 0.2), c.targets());
        var settings = c.comparableSettings();
        assertEquals("0.05,0.1,0.2", settings.get("targets"));
        assertTrue(!settings.containsKey("targetActivation"), "each point has its own target: " + settings);
        assertEquals(List.of(), ExperimentConfig.builder().build().targets());
        assertTrue(!ExperimentConfig.builder().build().comparableSettings().containsKey("targets"));
    }

    @Test
    void badTargetsNameTheOption() {
        assertEquals("-Dast.targets: targets 0.1,1.5: 1.5 is out of range; allowed: each greater than 0 and at most 1"
                + " (e.g. 0.05,0.1,0.2 or 5%,10%,20%)", located("targets", "0.1,150%"));
        assertEquals("-Dast.targets: targets 0,0.1: 0 is out of range; allowed: each greater than 0 and at most 1"
                + " (e.g. 0.05,0.1,0.2 or 5%,10%,20%)", located("targets", "0,0.1"));
        assertEquals("-Dast.targets: targets 0.1,0.1 lists a target twice", located("targets", "10%,0.1"));
        assertEquals("-Dast.targets: targets '0.1,,0.2' has an empty value; write a comma-separated list such as"
                + " 0.05,0.1,0.2 or 5%,10%,20%", located("targets", "0.1,,0.2"));
        assertEquals("-Dast.targets: targets 'x' is not a number; give a ratio such as 0.85 or 85%",
                located("targets", "0.1,x"));
    }

    private static <T> String defaultShown(Option<T> o) {
        return o.defaultValue() == null ? "—" : "`" + o.reported(o.defaultValue()) + "`";
    }

    private static String located(String name, String value) {
        return assertThrows(ConfigException.class, () -> ConfigurationProcessor.process(
                raw().put(name, value, "-Dast." + name), null, null)).located();
    }

    @Test
    void everyOptionIsInTheReadmeTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("### Parameters and defaults");
        assertTrue(start >= 0, "README has a 'Parameters and defaults' section");
        List<String> listed = new ArrayList<>();
        for (String line : readme.substring(start).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher m = Pattern.compile("`([A-Za-z]+)`").matcher(line.substring(0, line.indexOf('|', 1)));
                while (m.find()) {
                    listed.add(m.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>(Options.names());
        missing.removeAll(listed);
        missing.remove("outputDir"); // the table lists it under the Maven name outputDirectory
        assertEquals(List.of(), missing, "options without a row in the README's parameter table; add e.g. "
                + missing.stream().map(n -> {
                    Option<?> o = Options.named(n);
                    return "| `" + n + "` | " + defaultShown(o) + " | " + o.description() + " |";
                }).toList());
        for (Option<?> o : Options.all()) {
            assertTrue(!o.description().isBlank(), o.name() + " has a description");
        }
    }
}

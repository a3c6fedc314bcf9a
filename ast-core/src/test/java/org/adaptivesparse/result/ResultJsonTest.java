package org.adaptivesparse.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAResultIncludingNaNAndVerdict() {
        ExperimentResult r = ResultFixture.result().build().withVerdict(new Verdict(false,
                List.of(new Violation("accuracy", 0.8, 0.85, "accuracy 0.800 is below minAccuracy 0.850")),
                new BaselineComparison("b.json", "compared", null,
                        List.of(new BaselineComparison.Delta("accuracy", 0.9, 0.8, true, true, "drop at most 0.020")))));
        Path file = dir.resolve("target/ast/cnn/result.json");

        ResultJson.write(file, r);
        ExperimentResult back = ResultJson.read(file);

        assertEquals(ResultJson.normalize(r), back);
        assertTrue(Double.isNaN(back.control("full").epochs().get(0).thresholdEnd()));
        assertEquals(r.settings().get("epochs").toString(), back.settings().get("epochs").toString());
        // read back from JSON numbers and text, settings are typed again by their options
        assertEquals(java.util.Optional.of(r.setting(org.adaptivesparse.config.Options.EPOCHS).orElseThrow()),
                back.setting(org.adaptivesparse.config.Options.EPOCHS));
        assertEquals(Integer.class, back.setting(org.adaptivesparse.config.Options.EPOCHS).orElseThrow().getClass());
        assertEquals(r.setting(org.adaptivesparse.config.Options.SELECTION),
                back.setting(org.adaptivesparse.config.Options.SELECTION));
        assertTrue(back.setting(org.adaptivesparse.config.Options.SELECTION).isPresent());
        assertTrue(back.setting(org.adaptivesparse.config.Options.MIN_ACCURACY).isEmpty(), "not a comparable setting");
    }

    @Test
    void writesPrettyVersionedJson() throws Exception {
        Path file = dir.resolve("result.json");
        ResultJson.write(file, ResultFixture.result().build());
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n  \"schemaVersion\": 1,"), text.substring(0, 40));
        assertTrue(!text.contains("NaN") && text.contains("\"thresholdEnd\": null"), "strict JSON: NaN written as null");
        com.google.gson.JsonParser.parseReader(new com.google.gson.stream.JsonReader(new java.io.StringReader(text)) {
            {
                setStrictness(com.google.gson.Strictness.STRICT);
            }
        });
    }

    @Test
    void missingFileSaysRunTrainFirst() {
        Path file = dir.resolve("target/ast/cnn/result.json");
        AstFileException e = assertThrows(AstFileException.class, () -> ResultJson.read(file));
        assertEquals(file + " does not exist; run ast:train first", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void malformedJsonNamesFileAndProblem() throws Exception {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"name\": ");
        AstFileException e = assertThrows(AstFileException.class, () -> ResultJson.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON: "), e.getMessage());
    }

    @Test
    void newerSchemaVersionIsRejected() throws Exception {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "{\"schemaVersion\": 99, \"name\": \"x\", \"runs\": []}");
        AstFileException e = assertThrows(AstFileException.class, () -> ResultJson.read(file));
        assertEquals(file + " has schemaVersion 99, newer than this build reads (1); upgrade AST or regenerate the file",
                e.getMessage());
    }

    @Test
    void missingRequiredFieldIsNamed() throws Exception {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"name\": \"x\"}");
        AstFileException e = assertThrows(AstFileException.class, () -> ResultJson.read(file));
        assertEquals(file + " is not a valid AST result: it has no 'runs'", e.getMessage());
    }

    @Test
    void settingsCompareEqualAcrossNumberTypes() {
        assertTrue(SettingValues.same(3, 3.0));
        assertTrue(SettingValues.same(42L, 42.0));
        assertTrue(SettingValues.same(0.15, 0.150));
        assertEquals(List.of("kp: baseline 0.15, current 0.2", "seed: baseline absent, current 7"),
                SettingValues.differences(java.util.Map.of("kp", 0.15, "epochs", 3),
                        java.util.Map.of("kp", 0.2, "epochs", 3.0, "seed", 7)));
    }

    @Test
    void aVerdictWrittenBeforeChecksWereRecordedReadsWithNoChecks() {
        ExperimentResult r = ResultFixture.result().build().withVerdict(new Verdict(true, List.of(), null,
                List.of(new Check(Check.THRESHOLD, "minAccuracy", "accuracy", 0.9, 0.8, true, true, "held"))));
        String json = ResultJson.toJson(r);
        assertTrue(json.contains("\"checks\": ["), "checks is an added field");
        // an older writer had neither checks nor history
        String old = json.replaceAll("(?s),\\s*\"checks\": \\[.*?\\],\\s*\"history\": null\\s*\\}", "}");
        assertTrue(!old.contains("\"history\""), old);
        Verdict back = ResultJson.fromJson(old, Path.of("old.json")).verdict();
        assertTrue(back.passed());
        assertEquals(List.of(), back.checks());
        assertEquals(r.verdict().checks(), ResultJson.fromJson(json, Path.of("new.json")).verdict().checks());
    }

    /** What a result written before evaluations, sweeps, seeds and checks looked like still reads. */
    @Test
    void aResultOfAnOlderBuildIsUpgradedInOnePlace() {
        ExperimentResult r = ResultFixture.result().build().withVerdict(new Verdict(true, List.of(), null));
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(ResultJson.toJson(r)).getAsJsonObject();
        o.remove("sweep");
        o.getAsJsonObject("comparison").remove("seeds");
        o.getAsJsonObject("verdict").remove("checks");
        o.getAsJsonArray("runs").forEach(run -> run.getAsJsonObject().remove("evaluations"));
        ExperimentResult old = ResultJson.fromJson(o.toString(), Path.of("old.json"));
        assertEquals(List.of(), old.sweep());
        assertEquals(1, old.comparison().seeds());
        assertEquals(List.of(), old.verdict().checks());
        old.runs().forEach(run -> assertEquals(List.of(), run.evaluations()));
        assertEquals(r.ast().finalAccuracy(), old.ast().finalAccuracy());
    }
}

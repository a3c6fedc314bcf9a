package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.junit.jupiter.api.Test;

class DashboardExportTest {
    @Test
    void githubActionBenchmarkArraysHaveNameUnitAndValue() {
        ExperimentResult r = ReportFixtures.passing("cnn");
        JsonArray big = JsonParser.parseString(DashboardExport.bigger(r)).getAsJsonArray();
        JsonObject acc = big.get(0).getAsJsonObject();
        assertEquals("cnn ast accuracy", acc.get("name").getAsString());
        assertEquals("ratio", acc.get("unit").getAsString());
        assertEquals(r.ast().finalAccuracy(), acc.get("value").getAsDouble(), 1e-12);
        assertTrue(big.toString().contains("\"cnn ast speedup vs full\""));
        JsonArray small = JsonParser.parseString(DashboardExport.smaller(r)).getAsJsonArray();
        assertEquals("cnn ast median epoch seconds", small.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("s", small.get(0).getAsJsonObject().get("unit").getAsString());
    }

    @Test
    void bencherMetricFormatHasOneBenchmarkPerPolicyAndOmitsMissingFigures() {
        ExperimentResult r = ResultFixture.result().name("mlp").withoutFull().build();
        JsonObject bmf = JsonParser.parseString(DashboardExport.bencher(r)).getAsJsonObject();
        assertEquals(java.util.Set.of("mlp/ast", "mlp/random"), bmf.keySet());
        JsonObject ast = bmf.getAsJsonObject("mlp/ast");
        assertEquals(r.ast().finalAccuracy(), ast.getAsJsonObject("accuracy").get("value").getAsDouble(), 1e-12);
        assertFalse(ast.has("speedup-vs-full"), "no full control, no speedup");
        assertFalse(DashboardExport.bigger(r).contains("speedup"));
    }

    @Test
    void severalSeedsExportTheMedianWithTheirRangeOnceperPolicy() {
        ExperimentResult r = ResultFixture.result().name("cnn").seeds(1, 2, 3).build();
        JsonObject ast = JsonParser.parseString(DashboardExport.bencher(r)).getAsJsonObject().getAsJsonObject("cnn/ast")
                .getAsJsonObject("accuracy");
        double top = r.runs(Policy.AST).get(0).finalAccuracy();
        assertEquals(top - 0.001, ast.get("value").getAsDouble(), 1e-9);
        assertEquals(top - 0.002, ast.get("lower_value").getAsDouble(), 1e-9);
        assertEquals(top, ast.get("upper_value").getAsDouble(), 1e-9);
        JsonArray big = JsonParser.parseString(DashboardExport.bigger(r)).getAsJsonArray();
        assertEquals(1, big.asList().stream().filter(e -> e.getAsJsonObject().get("name").getAsString()
                .equals("cnn ast accuracy")).count(), "one entry per policy, not per seed");
        assertTrue(big.get(0).getAsJsonObject().get("extra").getAsString().endsWith("median of 3 seeds"));
    }
}

package org.adaptivesparse.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.config.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's result: its points as experiments of their own, and result.json with and without sweeps. */
class SweepResultTest {
    @TempDir
    Path dir;

    @Test
    void aSweepsPointsAreExperimentsOfTheirOwn() {
        ExperimentResult sweep = ResultFixture.result().seeds(1, 2).sweep(0.05, 0.2).build();
        assertTrue(sweep.isSweep());
        assertEquals(List.of(0.05, 0.2), sweep.targets());
        assertEquals(2, sweep.seedCount());
        List<ExperimentResult> points = sweep.points();
        assertEquals(List.of("cnn@5%", "cnn@20%"), points.stream().map(ExperimentResult::name).toList());
        ExperimentResult p = points.get(1);
        assertFalse(p.isSweep());
        assertEquals(6, p.runs().size(), "ast, full and random on 2 seeds");
        assertEquals(Map.of("ast", 0.2, "random", 0.2), Map.of("ast", p.ast().targetActivation(), "random",
                p.run(Policy.RANDOM).orElseThrow().targetActivation()));
        assertNull(p.run(Policy.FULL).orElseThrow().targetActivation());
        assertEquals(0.2, p.setting(org.adaptivesparse.config.Options.TARGET_ACTIVATION).orElseThrow());
        assertEquals(sweep.sweep().get(1).comparison(), p.comparison());
        assertEquals(List.of(ResultFixture.result().build()), ResultFixture.result().build().points());
        assertEquals("12.5%", ExperimentResult.percent(0.125));
        assertEquals("100%", ExperimentResult.percent(1.0));
        for (ExperimentResult point : points) {
            assertTrue(ExperimentResult.isPointOf(point.name(), "cnn"), point.name());
            assertFalse(ExperimentResult.isPointOf(point.name(), "cn"), "a prefix of the name is another experiment");
        }
        assertTrue(ExperimentResult.isPointOf("cnn", "cnn"));
        assertFalse(ExperimentResult.isPointOf("cnn-sweep@10%", "cnn"));
    }

    @Test
    void resultJsonKeepsEachRunsTargetAndOldResultsStillLoad() {
        ExperimentResult sweep = ResultFixture.result().sweep(0.1, 0.3).build();
        Path file = dir.resolve("result.json");
        ResultJson.write(file, sweep);
        ExperimentResult back = ResultJson.read(file);
        assertEquals(sweep.runs().stream().map(RunResult::targetActivation).toList(),
                back.runs().stream().map(RunResult::targetActivation).toList());
        assertEquals(sweep.sweep(), back.sweep());
        assertTrue(back.isSweep());

        // written before sweeps: no targetActivation in runs, no sweep
        String old = ResultJson.toJson(ResultFixture.result().build()).replaceAll(",\\s*\"targetActivation\": null", "")
                .replaceAll(",\\s*\"sweep\": \\[\\]", "");
        assertFalse(old.contains("\"sweep\""), old);
        ExperimentResult plain = ResultJson.fromJson(old, file);
        assertFalse(plain.isSweep());
        assertEquals(List.of(), plain.sweep());
        assertNull(plain.ast().targetActivation());
        assertEquals(List.of(plain), plain.points());
    }
}

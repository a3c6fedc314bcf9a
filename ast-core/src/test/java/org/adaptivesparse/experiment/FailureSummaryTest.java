package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;
import org.junit.jupiter.api.Test;

class FailureSummaryTest {
    private static final Path OUT = Path.of("target", "ast");

    private static ExperimentOutcome outcome(String name, int violations) {
        List<Violation> v = java.util.stream.IntStream.range(0, violations)
                .mapToObj(i -> new Violation("accuracy", 0.5, 0.8, "violation " + i)).toList();
        ExperimentResult r = ResultFixture.result().name(name).build().withVerdict(new Verdict(v.isEmpty(), v, null));
        Path dir = OUT.resolve(name);
        return new ExperimentOutcome(r, dir, dir.resolve("report.html"), dir.resolve("result.json"),
                dir.resolve("summary.md"));
    }

    @Test
    void nothingToSayWhenEveryCheckPassed() {
        assertEquals(Optional.empty(), FailureSummary.of(List.of(outcome("cnn", 0)), null, String::valueOf));
    }

    @Test
    void oneFailedExperimentPointsAtItsReport() {
        assertEquals("AST checks have not been met for cnn: 2 violation(s). See " + OUT.resolve("cnn/report.html"),
                FailureSummary.of(List.of(outcome("mlp", 0), outcome("cnn", 2)), OUT.resolve("index.html"),
                        String::valueOf).orElseThrow());
    }

    @Test
    void severalFailedExperimentsPointAtTheIndex() {
        List<ExperimentOutcome> all = List.of(outcome("cnn", 2), outcome("ok", 0), outcome("mlp", 1));
        assertEquals("AST checks have not been met for cnn, mlp: 3 violation(s). See index",
                FailureSummary.of(all, OUT.resolve("index.html"), p -> p.getFileName().toString().replace(".html", ""))
                        .orElseThrow());
        assertEquals("AST checks have not been met for cnn, mlp: 3 violation(s). See " + OUT.resolve("cnn/report.html"),
                FailureSummary.of(all, null, String::valueOf).orElseThrow(), "without an index, the first report");
    }
}

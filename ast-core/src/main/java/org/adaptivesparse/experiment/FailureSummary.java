package org.adaptivesparse.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one sentence both front ends fail with after a check, in JaCoCo's words, e.g.
 * {@code AST checks have not been met for cnn, mlp: 3 violation(s). See target/ast/index.html}.
 * The violations themselves are shown beside it, each in the core's words: logged before it by
 * the Maven goal, listed after it by the JUnit extension.
 */
public final class FailureSummary {
    private FailureSummary() {
    }

    /**
     * The summary of the experiments whose checks failed.
     *
     * @param outcomes every experiment's outcome, in order
     * @param index    the index page linking them, or null; shown instead of a report when several failed
     * @param display  how a path is shown, e.g. relative to the project
     * @return the sentence, or empty when every experiment passed
     */
    public static Optional<String> of(List<ExperimentOutcome> outcomes, Path index, Function<Path, String> display) {
        List<ExperimentOutcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        int violations = failed.stream().mapToInt(o -> o.violationMessages().size()).sum();
        Path see = failed.size() == 1 || index == null ? failed.get(0).reportHtml() : index;
        return Optional.of("AST checks have not been met for "
                + String.join(", ", failed.stream().map(o -> o.result().name()).toList()) + ": " + violations
                + " violation(s). See " + display.apply(see));
    }
}

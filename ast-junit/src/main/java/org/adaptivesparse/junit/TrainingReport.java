package org.adaptivesparse.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.Verdict;

/**
 * What a {@link SparseTraining} test sees of its experiment: declare a parameter of this type and it
 * is filled in after training, before the method body runs.
 *
 * @param outcome the core's outcome: result with verdict, and where the reports are
 */
public record TrainingReport(ExperimentOutcome outcome) {

    public TrainingReport {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The whole result: every run, the comparison, the verdict. */
    public ExperimentResult result() {
        return outcome.result();
    }

    /** The AST run (of the first seed; in a sweep, at the lowest target: see {@link #atTarget(double)}). */
    public RunResult ast() {
        return result().ast();
    }

    /** The control run of the given policy ({@code full}, {@code random}); throws when it did not run. */
    public RunResult control(String policy) {
        return result().control(policy);
    }

    /**
     * One point of a sweep ({@code targets}): the runs at {@code target} and full's, as an experiment of
     * its own, e.g. {@code report.atTarget(0.1).ast().finalAccuracy()}.
     *
     * @throws IllegalArgumentException when the result is not a sweep or has no such target
     */
    public ExperimentResult atTarget(double target) {
        if (!result().targets().contains(target)) {
            throw new IllegalArgumentException("'" + result().name() + "' has no point at targetActivation " + target
                    + (result().isSweep() ? "; its targets are " + result().targets() : "; it is not a sweep (set targets)"));
        }
        return result().atTarget(target);
    }

    /** Thresholds and baseline applied; the test fails after the body when it did not pass. */
    public Verdict verdict() {
        return outcome.verdict();
    }

    /** True when no threshold or baseline rule is broken. */
    public boolean passed() {
        return outcome.passed();
    }

    /** Every violation's sentence, as the test failure will show it. */
    public List<String> violationMessages() {
        return outcome.violationMessages();
    }

    /** The experiment's {@code report.html}. */
    public Path reportPath() {
        return outcome.reportHtml();
    }

    /** The directory holding {@code report.html}, {@code result.json} and {@code summary.md}. */
    public Path directory() {
        return outcome.directory();
    }
}

package org.adaptivesparse.maven;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.experiment.FailureSummary;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns verdicts into a build result the way JaCoCo's {@code check} does: every violation is logged
 * as a WARNING in the core's words, then one failure, the core's {@link FailureSummary}, sums them
 * up and points at the report.
 */
final class VerdictReporter {
    private final Log log;
    private final Path basedir;

    VerdictReporter(Log log, Path basedir) {
        this.log = log;
        this.basedir = basedir;
    }

    /**
     * @param outcomes        every experiment's outcome, in order
     * @param index           the index page linking them, or null
     * @param failOnViolation throw when a check failed; otherwise warn and let the build go on
     */
    void apply(List<ExperimentOutcome> outcomes, Path index, boolean failOnViolation) throws MojoFailureException {
        boolean several = outcomes.size() > 1;
        for (ExperimentOutcome o : outcomes) {
            var baseline = o.result().verdict() == null ? null : o.result().verdict().baseline();
            if (baseline != null && baseline.reason() != null
                    && org.adaptivesparse.result.BaselineComparison.COMPARED.equals(baseline.status())) {
                log.info("[" + o.result().name() + "] baseline: " + baseline.reason());
            }
            for (String line : org.adaptivesparse.report.GateSight.lines(o.result().verdict())) {
                log.info("[" + o.result().name() + "] " + line);
            }
            if (o.passed()) {
                log.info("AST checks passed for " + o.result().name());
                continue;
            }
            for (String message : o.violationMessages()) {
                log.warn(several ? "[" + o.result().name() + "] " + message : message);
            }
        }
        String message = FailureSummary.of(outcomes, index, this::display).orElse(null);
        if (message == null) {
            return;
        }
        if (failOnViolation) {
            throw new MojoFailureException(message);
        }
        log.warn(message + " (failOnViolation is false: the build goes on)");
    }

    /** A path relative to the project when it lies inside it, as users read it in their tree. */
    String display(Path p) {
        if (p == null) {
            return "(no report)";
        }
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(basedir) ? basedir.relativize(abs).toString() : abs.toString();
    }
}

package org.adaptivesparse.experiment;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;

/**
 * What a front end needs after an experiment: the result with its verdict, and where its outputs are.
 *
 * @param result     the result, with {@link ExperimentResult#verdict()} set
 * @param directory  the experiment's output directory
 * @param reportHtml its {@code report.html}
 * @param resultJson its {@code result.json}
 * @param summaryMd  its {@code summary.md}
 */
public record ExperimentOutcome(ExperimentResult result, Path directory, Path reportHtml, Path resultJson,
        Path summaryMd) {

    public Verdict verdict() {
        return result.verdict();
    }

    public boolean passed() {
        return result.verdict() == null || result.verdict().passed();
    }

    /** Every violation's message, word for word as both front ends show it. */
    public List<String> violationMessages() {
        return result.verdict() == null ? List.of()
                : result.verdict().violations().stream().map(Violation::message).toList();
    }
}

package org.adaptivesparse.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applies the thresholds and the baseline to each experiment's existing
 * {@code <outputDirectory>/<name>/result.json} without training, and rewrites its report. Fails
 * like {@code train} does; use it to tighten a gate or compare with a new baseline in seconds.
 */
@Mojo(name = CheckMojo.GOAL, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractAstMojo {
    /** This goal's name. */
    public static final String GOAL = "check";

    @Override
    protected String goal() {
        return GOAL;
    }

    @Override
    protected void execute(List<ExperimentSetup> setups) throws MojoExecutionException, MojoFailureException {
        ExperimentPipeline pipeline = pipeline();
        List<ExperimentOutcome> outcomes = new ArrayList<>();
        for (ExperimentSetup setup : setups) {
            Path json = setup.resultJson();
            if (!Files.isRegularFile(json)) {
                throw new MojoExecutionException("No AST result for experiment '" + setup.name() + "' at "
                        + display(json) + "; run ast:" + TrainMojo.GOAL + " first (or mvn verify)");
            }
            ExperimentOutcome outcome;
            try {
                outcome = pipeline.check(setup.config(), json);
            } catch (RuntimeException e) {
                throw Failures.of(setup, e);
            }
            getLog().info("[" + setup.name() + "] checked " + display(json) + "; report: "
                    + display(outcome.reportHtml()));
            outcomes.add(outcome);
        }
        judge(outcomes, writeIndex());
    }
}

package org.adaptivesparse.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.adaptivesparse.project.ProjectClasses;

/**
 * Trains each experiment with AST and its controls side by side, writes {@code result.json},
 * {@code report.html} and {@code summary.md} under {@code <outputDirectory>/<name>/} and an
 * {@code index.html}, then applies the thresholds and the baseline. Reports are written whether
 * or not the checks pass. A quick run on a slow machine:
 * {@code mvn ast:train -Dast.epochs=1 -Dast.limit=2000}.
 */
@Mojo(name = TrainMojo.GOAL, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class TrainMojo extends AbstractAstMojo {
    /** This goal's name. */
    public static final String GOAL = "train";

    @Override
    protected String goal() {
        return GOAL;
    }

    /** The project's classes and test class path, sharing DJL and ast's API with the plugin. */
    @Override
    protected ProjectClasses projectClasses() throws MojoExecutionException {
        return ProjectClassLoading.of(project, mojoExecution.getMojoDescriptor().getPluginDescriptor());
    }

    @Override
    protected void execute(List<ExperimentSetup> setups) throws MojoExecutionException, MojoFailureException {
        ExperimentPipeline pipeline = pipeline();
        List<ExperimentOutcome> outcomes = new ArrayList<>();
        for (ExperimentSetup setup : setups) {
            ExperimentOutcome outcome;
            try {
                outcome = pipeline.run(setup.config());
            } catch (RuntimeException e) {
                throw Failures.of(setup, e);
            }
            ResultTable.lines(outcome.result()).forEach(getLog()::info);
            outcomes.add(outcome);
        }
        Path index = writeIndex();
        getLog().info("AST index: " + display(index));
        judge(outcomes, index);
    }
}

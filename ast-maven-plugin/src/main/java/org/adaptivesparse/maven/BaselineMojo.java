package org.adaptivesparse.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes or updates the baseline file ({@code <baselineFile>}, default {@code ast-baseline.json} in
 * the project) from each experiment's latest {@code result.json}. The only way a baseline changes:
 * run it on purpose, review the diff, commit the file.
 */
@Mojo(name = BaselineMojo.GOAL, threadSafe = true)
public class BaselineMojo extends AbstractAstMojo {
    /** This goal's name. */
    public static final String GOAL = "baseline";

    @Override
    protected String goal() {
        return GOAL;
    }

    @Override
    protected void execute(List<ExperimentSetup> setups) throws MojoExecutionException {
        ExperimentPipeline pipeline = pipeline();
        for (ExperimentSetup setup : setups) {
            Path json = setup.resultJson();
            if (!Files.isRegularFile(json)) {
                throw new MojoExecutionException("No AST result for experiment '" + setup.name() + "' at "
                        + display(json) + "; run ast:" + TrainMojo.GOAL + " first (or mvn verify)");
            }
            Path target = setup.config().baselineFile();
            if (target == null) {
                throw new MojoExecutionException(setup.describe("baselineFile")
                        + " is empty; name the file the baseline is written to");
            }
            Path written;
            try {
                written = pipeline.writeBaseline(json, target);
            } catch (RuntimeException e) {
                throw Failures.of(setup, e);
            }
            getLog().info("[" + setup.name() + "] baseline written to " + display(written) + " from "
                    + display(json) + "; review and commit it");
        }
    }
}

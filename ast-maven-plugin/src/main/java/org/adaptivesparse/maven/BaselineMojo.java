package org.adaptivesparse.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.adaptivesparse.verdict.Baseline;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes or updates the baseline file ({@code <baselineFile>}, or {@code ast-baseline.json} in the
 * project when unset) from each experiment's latest {@code result.json}. The only way a baseline changes:
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
        List<Path> written = new ArrayList<>();
        for (ExperimentSetup setup : setups) {
            Path json = setup.resultJson();
            if (!Files.isRegularFile(json)) {
                throw new MojoExecutionException("No AST result for experiment '" + setup.name() + "' at "
                        + display(json) + "; run ast:" + TrainMojo.GOAL + " first (or mvn verify)");
            }
            Path target = setup.config().baselineFile() != null ? setup.config().baselineFile()
                    : basedir().resolve(Baseline.FILE_NAME);
            try {
                written.add(pipeline.writeBaseline(json, target));
            } catch (RuntimeException e) {
                throw Failures.of(setup, e);
            }
        }
        for (Path file : written.stream().distinct().toList()) {
            getLog().info("Review " + display(file) + " and commit it: train and check compare with it when"
                    + " <baselineFile> (-Dast.baselineFile) names it");
        }
    }
}

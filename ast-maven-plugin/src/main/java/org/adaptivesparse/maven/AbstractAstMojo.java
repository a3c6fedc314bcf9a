package org.adaptivesparse.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.adaptivesparse.experiment.ExperimentSelection;
import org.adaptivesparse.project.ProjectClasses;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The parameters the AST goals share, and the steps around the core: resolve the experiments, skip
 * when asked, map verdicts and errors to Maven's. Each parameter is also a {@code -Dast.<name>}
 * user property, which overrides the POM, including every {@code <experiment>}.
 */
public abstract class AbstractAstMojo extends AstParameters {

    /** {@code ast.*} properties that switch the goal rather than configure an experiment. */
    static final Set<String> SWITCHES = Set.of("skip", "failOnViolation", "experiments", ReportMojo.MERGE);

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping AST " + goal() + " (ast.skip is true)");
            return;
        }
        PomElements.rejectUnknown(project, mojoExecution);
        DjlLogging.quiet();
        Map<String, String> flat = ExperimentSetups.flatParameters(this);
        // a mode's own options have no field (only the older ones do, for mvn ast:help): read them as written
        PomElements.modeOptions(project, mojoExecution).forEach(flat::putIfAbsent);
        List<ExperimentSetup> setups = ExperimentSetups.resolve(flat, PomElements.experiments(experiments),
                userProperties(), SWITCHES, basedir(), projectClasses());
        List<Integer> selected;
        try {
            selected = ExperimentSelection.select(setups.stream().map(ExperimentSetup::name).toList(),
                    selectedExperiments);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<selectedExperiments> (-Dast.experiments): " + e.getMessage(), e);
        }
        if (selected.size() < setups.size()) {
            getLog().info("AST " + goal() + ": " + selected.size() + " of " + setups.size()
                    + " experiment(s) selected by -Dast.experiments=" + selectedExperiments);
        }
        execute(selected.stream().map(setups::get).toList());
    }

    /**
     * Where the classes a {@code <model>} or {@code <dataset>} names come from: a goal that trains
     * loads the project's; the others accept the names unchecked, as they do not run them.
     */
    protected ProjectClasses projectClasses() throws MojoExecutionException {
        return ProjectClasses.unchecked();
    }

    /** Runs the goal on the resolved experiments. */
    protected abstract void execute(List<ExperimentSetup> setups) throws MojoExecutionException, MojoFailureException;

    /** The goal's name, for messages. */
    protected abstract String goal();

    /** A pipeline that logs to Maven. */
    protected ExperimentPipeline pipeline() {
        return new ExperimentPipeline(new MavenProgressListener(getLog()));
    }

    /** Logs each violation, then fails (or warns, with {@code failOnViolation=false}) once. */
    protected void judge(List<ExperimentOutcome> outcomes, Path index) throws MojoFailureException {
        new VerdictReporter(getLog(), basedir()).apply(outcomes, index, failOnViolation);
    }

    /** Writes {@code index.html}, once per goal; a failure to write it is an error of its own. */
    protected Path writeIndex() throws MojoExecutionException {
        try {
            return ExperimentPipeline.writeIndex(outputDirectory.toPath());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("AST could not write the index in " + display(outputDirectory.toPath())
                    + " (<" + ParameterNames.OUTPUT_DIRECTORY + ">): " + e.getMessage(), e);
        }
    }

    /** A path relative to the project when it lies inside it. */
    protected String display(Path p) {
        return new VerdictReporter(getLog(), basedir()).display(p);
    }

    protected Path basedir() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    private Map<String, String> userProperties() {
        Map<String, String> out = new TreeMap<>();
        session.getUserProperties().forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

}

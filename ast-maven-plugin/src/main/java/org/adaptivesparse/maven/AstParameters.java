package org.adaptivesparse.maven;

import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The parameters every AST goal takes: the goal's switches, thresholds, baseline and outputs here, the
 * experiment's data, model and algorithm in {@link ExperimentParameters}. One String field per core
 * option, named as the option (see {@code org.adaptivesparse.config.Options}), read by name and handed
 * to the core as text, so parsing, defaults and error words are the core's; {@code ParameterCoverageTest}
 * fails when an option lacks its field in either class. Each is also a {@code -Dast.<name>} user
 * property, which overrides the POM.
 */
public abstract class AstParameters extends ExperimentParameters {
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /**
     * Several experiments, each an {@code <experiment>} holding any of this goal's option elements
     * ({@code <name>}, {@code <model>}, {@code <epochs>}, ...), every one optional. An option left out
     * takes the flat parameter's value. When absent, the goal runs one experiment from the flat
     * parameters.
     */
    @Parameter
    protected PlexusConfiguration experiments;

    /** Where outputs go: {@code <outputDirectory>/<name>/} per experiment, and {@code index.html}. */
    @Parameter(property = "ast.outputDirectory", defaultValue = "${project.build.directory}/ast")
    protected File outputDirectory;

    /**
     * Fail the build when a threshold or baseline check fails. With {@code false}, each violation is
     * still logged as a WARNING and written to the reports, and the build goes on.
     */
    @Parameter(property = "ast.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    /** Skip the goal. */
    @Parameter(property = "ast.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Run only the named experiments, comma-separated ({@code -Dast.experiments=cnn,mlp}), so a CI
     * matrix can put one experiment on each runner; {@code ast:report} merges their outputs. An
     * unknown name is an error listing the names there are. Default: every experiment.
     */
    @Parameter(property = "ast.experiments")
    protected String selectedExperiments;

    /** Fail when AST's final test accuracy is below this ratio, e.g. {@code 0.80} or {@code 80%}. Not checked when unset. */
    @Parameter(property = "ast.minAccuracy")
    protected String minAccuracy;
    /** Fail when the measured activation rate is further than this from {@code targetActivation}, e.g. {@code 0.05}. */
    @Parameter(property = "ast.maxActivationError")
    protected String maxActivationError;
    /** Fail when the modeled energy savings are below this ratio, e.g. {@code 0.80} or {@code 80%}. */
    @Parameter(property = "ast.minSavings")
    protected String minSavings;
    /** Fail when AST's training loop is less than this many times faster than full's, e.g. {@code 1.5} or {@code 1.5x}. */
    @Parameter(property = "ast.minSpeedup")
    protected String minSpeedup;
    /** Fail when AST's accuracy is more than this below full's at equal epochs, e.g. {@code 0.03} or {@code 3%}. */
    @Parameter(property = "ast.maxAccuracyDropVsFull")
    protected String maxAccuracyDropVsFull;
    /** Fail when AST's time to {@code targetAccuracy} is more than this times random's, e.g. {@code 1.0}. */
    @Parameter(property = "ast.maxTimeToTargetVsRandom")
    protected String maxTimeToTargetVsRandom;
    /** Fail when AST's time to {@code targetAccuracy} is more than this times full's, e.g. {@code 0.7}. */
    @Parameter(property = "ast.maxTimeToTargetVsFull")
    protected String maxTimeToTargetVsFull;
    /** Fail when AST's selection lift in its last epoch is below this, e.g. {@code 1.2} (random selection gets about 1). */
    @Parameter(property = "ast.minSelectionLift")
    protected String minSelectionLift;
    /**
     * Limits on any figure, separated by {@code ;}: {@code [policy.]figure[.median|min|max] >= number} or
     * {@code <= number}, e.g. {@code accuracy.min >= 0.70; timeToTargetVsRandom <= 0.9}; figures:
     * {@code accuracy}, {@code activationError}, {@code modeledSavings}, {@code selectionLift},
     * {@code testLoss}, {@code activation}, and AST's against a control {@code speedupVsFull},
     * {@code accuracyDropVsFull}, {@code timeToTargetVsRandom}, ... (see docs/gate.md, "Limits").
     */
    @Parameter(property = "ast.limits")
    protected String limits;
    /**
     * The committed baseline (one entry per experiment name) that {@code train} and {@code check}
     * compare results with; relative to the project. Unset: no baseline check. Once set, a missing
     * file or entry is a violation, so create it first with {@code mvn ast:baseline}, which writes
     * here or, when unset, to {@code ast-baseline.json} in the project.
     */
    @Parameter(property = "ast.baselineFile")
    protected String baselineFile;
    /** Fail when accuracy falls more than this below the baseline's; default {@code 0.02}. */
    @Parameter(property = "ast.maxAccuracyDrop")
    protected String maxAccuracyDrop;
    /** Fail when modeled savings fall more than this below the baseline's; default {@code 0.02}. */
    @Parameter(property = "ast.maxSavingsDrop")
    protected String maxSavingsDrop;
    /** Fail when the speedup falls below {@code (1 - this)} times the baseline's; default {@code 0.25}. */
    @Parameter(property = "ast.maxSpeedupDrop")
    protected String maxSpeedupDrop;
    /** Fail when AST's selection lift falls below {@code (1 - this)} times the baseline seeds' mean (and beyond its detectable drop); default {@code 0.25}. */
    @Parameter(property = "ast.maxSelectionLiftDrop")
    protected String maxSelectionLiftDrop;
    /**
     * In the baseline's own environment (same CPU model and flags, engine, one libtorch thread), fail when a
     * seed's accuracy moves more than this in either direction; default {@code 0.005}.
     */
    @Parameter(property = "ast.sameEnvironmentTolerance")
    protected String sameEnvironmentTolerance;
    /** A file each result's headline figures are appended to, for trends across builds; none when unset. */
    @Parameter(property = "ast.historyFile")
    protected String historyFile;
    /**
     * Fail when a gated figure's detectable drop (the smallest drop the baseline or history comparison can
     * tell from the seeds' noise, a one-sided t bound at 95 %) is larger than its tolerance; default
     * {@code false}.
     */
    @Parameter(property = "ast.refuseBlindGate")
    protected String refuseBlindGate;
    /**
     * With {@code historyFile}: how many earlier runs of the same experiment and settings in this environment
     * the history needs before a run is judged against them; default {@code 5}.
     */
    @Parameter(property = "ast.historyMinRuns")
    protected String historyMinRuns;
    /** With {@code historyFile}: how many of the latest earlier runs in this environment a run is judged against; default {@code 10}. */
    @Parameter(property = "ast.historyWindow")
    protected String historyWindow;
}

package org.adaptivesparse.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.adaptivesparse.experiment.ResultMerge;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Merges the output directories of several runs (a CI matrix with one experiment per runner, each
 * {@code ast:train -Dast.experiments=<name>}) into {@code <outputDirectory>}: every experiment's
 * directory, one {@code index.html}, one combined {@code summary.md}, one {@code TEST-ast.xml}, and
 * one verdict, which fails the build like {@code train} does. Nothing is retrained or re-judged:
 * each experiment keeps the verdict its runner recorded. Without {@code merge}, rewrites the
 * combined outputs of {@code <outputDirectory>} alone.
 */
@Mojo(name = ReportMojo.GOAL, threadSafe = true)
public class ReportMojo extends AbstractMojo {
    /** This goal's name. */
    public static final String GOAL = "report";
    /** The user property, without {@code ast.}, naming the directories to merge. */
    static final String MERGE = "merge";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * The output directories to merge, comma-separated, each holding {@code <name>/result.json}
     * (as {@code ast:train} wrote them on each runner); relative to the project.
     */
    @Parameter(property = "ast.merge")
    protected String merge;

    /** Where the merged outputs go. */
    @Parameter(property = "ast.outputDirectory", defaultValue = "${project.build.directory}/ast")
    protected File outputDirectory;

    /** Fail the build when a merged experiment's verdict failed; with {@code false} only warn. */
    @Parameter(property = "ast.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    /** Skip the goal. */
    @Parameter(property = "ast.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping AST " + GOAL + " (ast.skip is true)");
            return;
        }
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path target = outputDirectory.toPath();
        List<Path> sources = new ArrayList<>();
        if (merge == null || merge.isBlank()) {
            sources.add(target);
        } else {
            Arrays.stream(merge.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(s -> sources.add(basedir.resolve(s)));
        }
        VerdictReporter reporter = new VerdictReporter(getLog(), basedir);
        ResultMerge.Merged merged;
        try {
            merged = ResultMerge.merge(sources, target);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("AST could not merge <merge> (-Dast.merge) " + sources.stream()
                    .map(reporter::display).toList() + " into " + reporter.display(target) + ": " + e.getMessage(), e);
        }
        getLog().info("AST merged " + merged.outcomes().size() + " experiment(s) from " + sources.size()
                + " director" + (sources.size() == 1 ? "y" : "ies") + ": " + String.join(", ",
                        merged.outcomes().stream().map(o -> o.result().name()).toList()));
        getLog().info("AST index: " + reporter.display(merged.index()));
        reporter.apply(merged.outcomes(), merged.index(), failOnViolation);
    }
}

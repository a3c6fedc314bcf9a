package org.adaptivesparse.maven;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.data.DataException;
import org.adaptivesparse.result.AstFileException;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Maps the core's operational errors to {@link MojoExecutionException}s whose message alone tells
 * the user what to change: Maven prints it at ERROR and shows the stack only with {@code -e}.
 */
final class Failures {
    private Failures() {
    }

    static MojoExecutionException of(ExperimentSetup setup, RuntimeException e) {
        String experiment = "experiment '" + setup.name() + "'";
        if (e instanceof ConfigException c) {
            return new MojoExecutionException(setup.describe(c.field()) + ": " + c.getMessage(), e);
        }
        if (e instanceof DataException) {
            String dataDir = setup.config().dataDir() == null ? "" : ", " + setup.describe("dataDir") + " "
                    + setup.config().dataDir();
            return new MojoExecutionException("AST could not load the data of " + experiment + " ("
                    + setup.describe("dataset") + " " + setup.config().datasetLabel() + dataDir + "): "
                    + e.getMessage(), e);
        }
        if (e instanceof AstFileException f) {
            return new MojoExecutionException(fileElement(setup, f.file()) + "AST could not use a file of " + experiment
                    + ": " + f.getMessage(), e);
        }
        if (e instanceof UncheckedIOException io) {
            return new MojoExecutionException("AST could not read or write the files of " + experiment + ": "
                    + io.getMessage(), e);
        }
        return new MojoExecutionException("AST " + experiment + " failed: " + e, e);
    }

    /** The element naming the file at fault, when it is one of the configured files. */
    private static String fileElement(ExperimentSetup setup, Path file) {
        if (file == null) {
            return "";
        }
        Path f = file.toAbsolutePath().normalize();
        ExperimentConfig c = setup.config();
        if (c.baselineFile() != null && f.equals(c.baselineFile().toAbsolutePath().normalize())) {
            return setup.describe("baselineFile") + ": ";
        }
        if (c.historyFile() != null && f.equals(c.historyFile().toAbsolutePath().normalize())) {
            return setup.describe("historyFile") + ": ";
        }
        if (f.startsWith(c.outputDir().toAbsolutePath().normalize())) {
            return setup.describe("outputDir") + ": ";
        }
        return "";
    }
}

package org.adaptivesparse.maven;

import java.io.UncheckedIOException;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.data.DataException;
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
        if (e instanceof UncheckedIOException io) {
            return new MojoExecutionException("AST could not read or write the files of " + experiment + ": "
                    + io.getMessage(), e);
        }
        return new MojoExecutionException("AST " + experiment + " failed: " + e, e);
    }
}

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
        return of(setup, e, shown(e));
    }

    /**
     * {@code e} without its cause chain: Maven appends every cause's message to the one line it
     * prints, so a Gson or I/O cause would repeat the core's message in a library's words ("Use
     * JsonReader.setStrictness(...)"). The chain stays on the stack trace {@code -e} prints, as suppressed.
     */
    private static RuntimeException shown(RuntimeException e) {
        if (e.getCause() == null) {
            return e;
        }
        RuntimeException shown = new CoreFailure(e);
        shown.addSuppressed(e);
        return shown;
    }

    /** The core's exception as Maven shows it: its message and stack, the original attached as suppressed. */
    private static final class CoreFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CoreFailure(RuntimeException e) {
            super(e.getMessage(), null, true, true);
            setStackTrace(e.getStackTrace());
        }
    }

    private static MojoExecutionException of(ExperimentSetup setup, RuntimeException e, RuntimeException cause) {
        String experiment = "experiment '" + setup.name() + "'";
        if (e instanceof ConfigException c) {
            return new MojoExecutionException(setup.describe(c.field()) + ": " + c.getMessage(), cause);
        }
        if (e instanceof DataException) {
            String dataDir = setup.config().dataDir() == null ? "" : ", " + setup.describe("dataDir") + " "
                    + setup.config().dataDir();
            return new MojoExecutionException("AST could not load the data of " + experiment + " ("
                    + setup.describe("dataset") + " " + setup.config().datasetLabel() + dataDir + "): "
                    + e.getMessage(), cause);
        }
        if (e instanceof AstFileException f) {
            return new MojoExecutionException(fileElement(setup, f.file()) + "AST could not use a file of " + experiment
                    + ": " + f.getMessage(), cause);
        }
        if (e instanceof UncheckedIOException io) {
            return new MojoExecutionException("AST could not read or write the files of " + experiment + ": "
                    + io.getMessage(), cause);
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

package org.adaptivesparse.maven;

import java.nio.file.Path;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.RawConfiguration;

/**
 * One experiment ready to run: its core configuration, and the raw values it came from, so an error
 * after validation (data not found, a file that cannot be written) can name the POM element or
 * {@code -D} property the user has to change.
 */
record ExperimentSetup(ExperimentConfig config, RawConfiguration raw) {

    /** The experiment's name as the user wrote it. */
    String name() {
        return config.name();
    }

    /** {@code outputDirectory/<name>/}. */
    Path directory() {
        return config.outputDir().resolve(config.directoryName());
    }

    /** {@code outputDirectory/<name>/result.json}. */
    Path resultJson() {
        return directory().resolve("result.json");
    }

    /** Where the value of {@code field} is set, in the words of the POM or the command line. */
    String describe(String field) {
        return raw.sourceOf(field);
    }
}

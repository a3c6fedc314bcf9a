package org.adaptivesparse.maven;

import java.nio.file.Path;
import java.util.Map;
import org.adaptivesparse.config.ExperimentConfig;

/**
 * One experiment ready to run: its core configuration, and where each of its values came from, so
 * an error can name the POM element or {@code -D} property the user has to change.
 */
final class ExperimentSetup {
    /** Where a value came from. */
    enum Source {
        /** The core's default: nothing was written. */
        DEFAULT,
        /** A flat goal parameter, e.g. {@code <epochs>}. */
        PARAMETER,
        /** An {@code <experiments><experiment>} element. */
        EXPERIMENT,
        /** A {@code -Dast.<name>} user property. */
        USER_PROPERTY
    }

    private final ExperimentConfig config;
    private final String label;
    private final boolean listed;
    private final Map<String, Source> sources;

    ExperimentSetup(ExperimentConfig config, String label, boolean listed, Map<String, Source> sources) {
        this.config = config;
        this.label = label;
        this.listed = listed;
        this.sources = sources;
    }

    ExperimentConfig config() {
        return config;
    }

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
        return describe(field, sources.getOrDefault(field, Source.DEFAULT), label, listed);
    }

    static String describe(String field, Source source, String label, boolean listed) {
        String element = ParameterNames.element(field);
        String property = "-D" + ParameterNames.property(field);
        return switch (source) {
            case USER_PROPERTY -> property + (listed ? " (for <experiments><experiment> '" + label + "')" : "");
            case EXPERIMENT -> "<experiments><experiment> '" + label + "' <" + element + ">";
            default -> "<" + element + "> (" + property + ")"
                    + (listed ? ", inherited by <experiments><experiment> '" + label + "'" : "");
        };
    }
}

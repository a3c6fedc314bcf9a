package org.adaptivesparse.config;

import java.nio.file.Path;

/**
 * The one step between a front end's raw values and the engine: types each value by its
 * {@link Option}, resolves relative paths, validates the whole configuration, and words every error
 * with where the value at fault was written. The Maven goal and the JUnit extension both call it, so
 * they accept the same values and reject bad ones with the same words.
 */
public final class ConfigurationProcessor {
    private ConfigurationProcessor() {
    }

    /**
     * @param raw     the values, lowest layer first
     * @param start   a builder to start from (one a user's factory method returned), or null for the defaults
     * @param baseDir relative paths are taken from here (a project's base directory); null keeps them as given
     * @throws ConfigException whose {@link ConfigException#located()} names the value's source
     */
    public static ExperimentConfig process(RawConfiguration raw, ExperimentConfig.Builder start, Path baseDir) {
        ExperimentConfig.Builder builder = start != null ? start : ExperimentConfig.builder();
        for (RawConfiguration.Entry e : raw.entries()) {
            try {
                set(builder, e.option(), e.value(), baseDir);
            } catch (ConfigException ex) {
                throw ex.at(e.source());
            }
        }
        try {
            return builder.build();
        } catch (ConfigException ex) {
            throw ex.at(raw.sourceOf(ex.field()));
        }
    }

    private static <T> void set(ExperimentConfig.Builder builder, Option<T> option, Object raw, Path baseDir) {
        T value = option.convert(raw);
        if (option.isPath() && value instanceof Path p && baseDir != null && !p.isAbsolute()) {
            value = option.type().cast(baseDir.resolve(p).normalize());
        }
        builder.set(option, value);
    }
}

package org.adaptivesparse.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ConfigProperties;
import org.adaptivesparse.config.ExperimentConfig;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Turns the goal's raw configuration into core {@link ExperimentConfig}s: flat parameters, then
 * each {@code <experiment>}'s own values, then {@code -Dast.<name>} user properties, each layer
 * overriding the one before. Every value goes through {@link ConfigProperties}, so names and
 * error words are the JUnit extension's; a {@link ConfigException} becomes a
 * {@link MojoExecutionException} naming the element or property to fix.
 */
final class ExperimentSetups {
    /** Fields holding paths; relative ones are taken from the project's base directory, as Maven does. */
    private static final Set<String> PATH_FIELDS = Set.of("dataDir", "cacheDir", "baselineFile", "historyFile",
            "outputDir");

    private ExperimentSetups() {
    }

    /**
     * @param parameters     the flat parameters that are set
     * @param experiments    the {@code <experiments>} list, null or empty for one experiment from {@code parameters}
     * @param userProperties the session's user properties ({@code -D...}); only {@code ast.*} keys are read
     * @param switches       {@code ast.*} properties that are goal switches, not configuration ({@code skip})
     * @param basedir        the project's base directory
     */
    static List<ExperimentSetup> resolve(Settings parameters, List<Experiment> experiments,
            Map<String, String> userProperties, Set<String> switches, Path basedir) throws MojoExecutionException {
        Map<String, String> overrides = overrides(userProperties, switches);
        List<ExperimentSetup> setups = new ArrayList<>();
        if (experiments == null || experiments.isEmpty()) {
            setups.add(resolveOne(parameters.asMap(), Map.of(), overrides, basedir, null, false));
        } else {
            for (int i = 0; i < experiments.size(); i++) {
                Experiment e = experiments.get(i);
                String written = e.getName() != null ? e.getName() : parameters.asMap().get("name");
                String label = written != null ? written : "#" + (i + 1);
                setups.add(resolveOne(parameters.asMap(), e.settings().asMap(), overrides, basedir, label, true));
            }
            rejectDuplicates(setups);
        }
        return setups;
    }

    private static ExperimentSetup resolveOne(Map<String, String> parameters, Map<String, String> own,
            Map<String, String> overrides, Path basedir, String label, boolean listed) throws MojoExecutionException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, ExperimentSetup.Source> sources = new HashMap<>();
        layer(values, sources, parameters, ExperimentSetup.Source.PARAMETER);
        layer(values, sources, own, ExperimentSetup.Source.EXPERIMENT);
        layer(values, sources, overrides, ExperimentSetup.Source.USER_PROPERTY);
        String effectiveLabel = label != null ? label : values.getOrDefault("name", "experiment");

        ExperimentConfig.Builder builder = ExperimentConfig.builder();
        try {
            for (Map.Entry<String, String> v : values.entrySet()) {
                ConfigProperties.apply(builder, v.getKey(), absolute(v.getKey(), v.getValue(), basedir));
            }
            ExperimentConfig config = builder.build();
            return new ExperimentSetup(config, effectiveLabel, listed, sources);
        } catch (ConfigException e) {
            ExperimentSetup.Source source = sources.getOrDefault(e.field(), ExperimentSetup.Source.DEFAULT);
            throw new MojoExecutionException(
                    ExperimentSetup.describe(e.field(), source, effectiveLabel, listed) + ": " + e.getMessage(), e);
        }
    }

    private static void layer(Map<String, String> values, Map<String, ExperimentSetup.Source> sources,
            Map<String, String> layer, ExperimentSetup.Source source) {
        for (Map.Entry<String, String> e : layer.entrySet()) {
            values.put(e.getKey(), e.getValue());
            sources.put(e.getKey(), source);
        }
    }

    /** The {@code ast.*} user properties that set configuration fields, keyed by field. */
    private static Map<String, String> overrides(Map<String, String> userProperties, Set<String> switches) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(userProperties).entrySet()) {
            if (!e.getKey().startsWith(ConfigProperties.PREFIX)) {
                continue;
            }
            String name = e.getKey().substring(ConfigProperties.PREFIX.length());
            if (!switches.contains(name)) {
                out.put(ParameterNames.field(name), e.getValue());
            }
        }
        return out;
    }

    private static String absolute(String field, String value, Path basedir) {
        if (!PATH_FIELDS.contains(field) || value == null || value.isBlank()) {
            return value;
        }
        Path p = Path.of(value.trim());
        return p.isAbsolute() ? value : basedir.resolve(p).normalize().toString();
    }

    private static void rejectDuplicates(List<ExperimentSetup> setups) throws MojoExecutionException {
        Map<String, String> seen = new HashMap<>();
        for (ExperimentSetup s : setups) {
            String dir = s.config().directoryName();
            String other = seen.putIfAbsent(dir, s.name());
            if (other != null) {
                throw new MojoExecutionException("<experiments>: experiments '" + other + "' and '" + s.name()
                        + "' would both write to " + dir + "/; give each <experiment> its own <name>");
            }
        }
    }
}

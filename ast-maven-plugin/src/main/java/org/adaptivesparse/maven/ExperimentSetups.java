package org.adaptivesparse.maven;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.ConfigProperties;
import org.adaptivesparse.config.ConfigurationProcessor;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.RawConfiguration;
import org.adaptivesparse.project.ProjectClasses;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Hands the goal's raw configuration to the core, layer on layer: flat parameters, then each
 * {@code <experiment>}'s own elements, then {@code -Dast.<name>} user properties. Each value carries
 * the words that name where it was written, so the core's {@link ConfigException} becomes a
 * {@link MojoExecutionException} naming the element or property to fix.
 */
final class ExperimentSetups {
    private ExperimentSetups() {
    }

    /**
     * @param flat           the flat parameters that are set, by option name
     * @param experiments    each {@code <experiment>}'s elements, by element name; empty for one experiment from {@code flat}
     * @param userProperties the session's user properties ({@code -D...}); only {@code ast.*} keys are read
     * @param switches       {@code ast.*} properties that are goal switches, not configuration ({@code skip})
     * @param basedir        the project's base directory, against which relative paths are taken
     * @param classes        where the classes a {@code <model>} or {@code <dataset>} names are loaded from
     */
    static List<ExperimentSetup> resolve(Map<String, String> flat, List<Map<String, String>> experiments,
            Map<String, String> userProperties, Set<String> switches, Path basedir, ProjectClasses classes)
            throws MojoExecutionException {
        Map<String, String> overrides = overrides(userProperties, switches);
        List<ExperimentSetup> setups = new ArrayList<>();
        if (experiments.isEmpty()) {
            setups.add(resolveOne(flat, Map.of(), overrides, basedir, null, classes));
        } else {
            for (int i = 0; i < experiments.size(); i++) {
                Map<String, String> own = experiments.get(i);
                String written = own.getOrDefault("name", flat.get("name"));
                setups.add(resolveOne(flat, own, overrides, basedir, written != null ? written : "#" + (i + 1),
                        classes));
            }
            rejectDuplicates(setups);
        }
        return setups;
    }

    /** The flat parameters of a goal that are set: its String fields named as options, and the output directory. */
    static Map<String, String> flatParameters(AstParameters mojo) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : Options.names()) {
            Field f = find(name);
            if (f != null) {
                try {
                    String value = (String) f.get(mojo);
                    if (value != null) {
                        out.put(name, value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read parameter field " + name, e);
                }
            }
        }
        if (mojo.outputDirectory != null) {
            out.put(Options.OUTPUT_DIR.name(), mojo.outputDirectory.getPath());
        }
        return out;
    }

    /** The String parameter field named {@code name} in {@link AstParameters} or its superclasses, or null. */
    static Field find(String name) {
        for (Class<?> c = AstParameters.class; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.getType() == String.class ? f : null;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    /** @param label the {@code <experiment>}'s name as written, or null when the goal runs its flat parameters */
    private static ExperimentSetup resolveOne(Map<String, String> flat, Map<String, String> own,
            Map<String, String> overrides, Path basedir, String label, ProjectClasses classes)
            throws MojoExecutionException {
        boolean listed = label != null;
        RawConfiguration raw = new RawConfiguration(field -> parameter(field, label));
        try {
            flat.forEach((field, v) -> raw.put(field, v, parameter(field, label)));
            own.forEach((element, v) -> raw.put(ParameterNames.field(element), v,
                    "<experiments><experiment> '" + label + "' <" + element + ">"));
            overrides.forEach((field, v) -> raw.put(field, v, "-D" + ParameterNames.property(field)
                    + (listed ? " (for <experiments><experiment> '" + label + "')" : "")));
            return new ExperimentSetup(ConfigurationProcessor.process(raw,
                    ExperimentConfig.builder().projectClasses(classes), basedir), raw);
        } catch (ConfigException e) {
            throw new MojoExecutionException(e.located(), e);
        }
    }

    /** {@code <epochs> (-Dast.epochs)}, and for a listed experiment {@code , inherited by <experiments><experiment> 'cnn'}. */
    private static String parameter(String field, String label) {
        return "<" + ParameterNames.element(field) + "> (-D" + ParameterNames.property(field) + ")"
                + (label != null ? ", inherited by <experiments><experiment> '" + label + "'" : "");
    }

    /** The {@code ast.*} user properties that set options, keyed by option name. */
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

    private static void rejectDuplicates(List<ExperimentSetup> setups) throws MojoExecutionException {
        Map<String, ExperimentSetup> seen = new HashMap<>();
        for (ExperimentSetup s : setups) {
            String dir = s.config().directoryName();
            ExperimentSetup other = seen.putIfAbsent(dir, s);
            if (other != null && s.raw().sourceOf("name").startsWith("-D")) {
                throw new MojoExecutionException("-D" + ParameterNames.property("name") + "=" + s.name()
                        + " names every experiment '" + s.name() + "', so they would all write to " + dir
                        + "/; drop it and give each <experiment> its own <name>");
            }
            if (other != null) {
                throw new MojoExecutionException("<experiments>: experiments '" + other.name() + "' and '" + s.name()
                        + "' would both write to " + dir + "/; give each <experiment> its own <name>");
            }
        }
    }
}

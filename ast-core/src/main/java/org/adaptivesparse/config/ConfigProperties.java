package org.adaptivesparse.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sets options from text by the names users type ({@code epochs=1}, {@code targetActivation=10%},
 * {@code controls=full,random}): the Java form of {@code -Dast.*} overrides, for callers without a
 * front end (benchmarks, tests). Front ends go through {@link ConfigurationProcessor} instead, which
 * also says where each value came from.
 */
public final class ConfigProperties {
    /** Prefix of system properties and configuration parameters: {@code ast.epochs}. */
    public static final String PREFIX = "ast.";

    private ConfigProperties() {
    }

    /** Every option name, sorted. */
    public static List<String> names() {
        return Options.names().stream().sorted().toList();
    }

    /** True when {@code name} is an option. */
    public static boolean isKnown(String name) {
        return Options.find(name) != null;
    }

    /**
     * Sets one option from text.
     *
     * @throws ConfigException when the name is unknown or the value cannot be read
     */
    public static void apply(ExperimentConfig.Builder builder, String name, String value) {
        set(builder, Options.named(name), value);
    }

    private static <T> void set(ExperimentConfig.Builder builder, Option<T> option, String value) {
        builder.set(option, option.parse(value));
    }

    /**
     * Applies every {@code ast.<option>} entry of a property map; keys without the prefix are ignored,
     * unknown {@code ast.*} keys are an error so a typo does not pass silently. Keys listed in
     * {@code ignored} are skipped (front-end switches such as {@code ast.skip}).
     */
    public static void applyAll(ExperimentConfig.Builder builder, Map<String, String> properties, List<String> ignored) {
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String name = e.getKey().substring(PREFIX.length());
            if (!ignored.contains(name)) {
                apply(builder, name, e.getValue());
            }
        }
    }

    /** Reads a boolean strictly: {@code true} or {@code false}, any case. */
    public static boolean bool(String name, String v) {
        return Options.bool(name, v);
    }
}

package org.adaptivesparse.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Sets configuration fields from text, by the names users type: {@code epochs=1},
 * {@code targetActivation=10%}, {@code controls=full,random}. Both front ends use it for overrides
 * ({@code -Dast.epochs=1}, {@code junit-platform.properties}), so a name means the same everywhere
 * and a bad value gets the same words.
 */
public final class ConfigProperties {
    /** Prefix of system properties and configuration parameters: {@code ast.epochs}. */
    public static final String PREFIX = "ast.";

    private static final Map<String, BiConsumer<ExperimentConfig.Builder, String>> SETTERS = new TreeMap<>();

    static {
        text("name", ExperimentConfig.Builder::name);
        text("description", ExperimentConfig.Builder::description);
        text("dataset", ExperimentConfig.Builder::dataset);
        text("model", ExperimentConfig.Builder::model);
        SETTERS.put("dataDir", (b, v) -> b.dataDir(v.isBlank() ? null : Path.of(v)));
        SETTERS.put("cacheDir", (b, v) -> b.cacheDir(Path.of(v)));
        SETTERS.put("outputDir", (b, v) -> b.outputDir(Path.of(v)));
        SETTERS.put("baselineFile", (b, v) -> b.baselineFile(v.isBlank() ? null : Path.of(v)));
        SETTERS.put("historyFile", (b, v) -> b.historyFile(v.isBlank() ? null : Path.of(v)));
        SETTERS.put("allowDownload", (b, v) -> b.allowDownload(bool("allowDownload", v)));
        integer("limit", ExperimentConfig.Builder::limit);
        integer("testLimit", ExperimentConfig.Builder::testLimit);
        integer("epochs", ExperimentConfig.Builder::epochs);
        integer("batchSize", ExperimentConfig.Builder::batchSize);
        integer("warmupEpochs", ExperimentConfig.Builder::warmupEpochs);
        integer("staleRefreshEpochs", ExperimentConfig.Builder::staleRefreshEpochs);
        SETTERS.put("seed", (b, v) -> b.seed(longValue("seed", v)));
        ratio("targetActivation", ExperimentConfig.Builder::targetActivation);
        ratio("lossWeight", ExperimentConfig.Builder::lossWeight);
        ratio("stdWeight", ExperimentConfig.Builder::stdWeight);
        ratio("emaAlpha", ExperimentConfig.Builder::emaAlpha);
        ratio("initialThreshold", ExperimentConfig.Builder::initialThreshold);
        ratio("staleExploration", ExperimentConfig.Builder::staleExploration);
        ratio("staleSkipTop", ExperimentConfig.Builder::staleSkipTop);
        ratio("maxAccuracyDrop", ExperimentConfig.Builder::maxAccuracyDrop);
        ratio("maxSavingsDrop", ExperimentConfig.Builder::maxSavingsDrop);
        ratio("maxSpeedupDrop", ExperimentConfig.Builder::maxSpeedupDrop);
        number("kp", ExperimentConfig.Builder::kp);
        number("ki", ExperimentConfig.Builder::ki);
        number("learningRate", ExperimentConfig.Builder::learningRate);
        number("energyActive", ExperimentConfig.Builder::energyActive);
        number("energySkipped", ExperimentConfig.Builder::energySkipped);
        optionalRatio("minAccuracy", ExperimentConfig.Builder::minAccuracy);
        optionalRatio("maxActivationError", ExperimentConfig.Builder::maxActivationError);
        optionalRatio("minSavings", ExperimentConfig.Builder::minSavings);
        optionalRatio("maxAccuracyDropVsFull", ExperimentConfig.Builder::maxAccuracyDropVsFull);
        SETTERS.put("minSpeedup", (b, v) -> b.minSpeedup(v.isBlank() ? null : speedup(v)));
        text("controls", ExperimentConfig.Builder::controls);
        text("selection", ExperimentConfig.Builder::selection);
        text("gate", ExperimentConfig.Builder::gate);
        text("staleSampling", ExperimentConfig.Builder::staleSampling);
    }

    private ConfigProperties() {
    }

    /** Every field name this class accepts, sorted. */
    public static List<String> names() {
        return List.copyOf(SETTERS.keySet());
    }

    /** True when {@code name} is a configuration field. */
    public static boolean isKnown(String name) {
        return SETTERS.containsKey(name);
    }

    /**
     * Sets one field from text.
     *
     * @throws ConfigException when the name is unknown or the value cannot be read
     */
    public static void apply(ExperimentConfig.Builder builder, String name, String value) {
        BiConsumer<ExperimentConfig.Builder, String> setter = SETTERS.get(name);
        if (setter == null) {
            throw new ConfigException(name, "'" + name + "' is not a configuration field; known fields: "
                    + String.join(", ", SETTERS.keySet()));
        }
        setter.accept(builder, value == null ? "" : value.trim());
    }

    /**
     * Applies every {@code ast.<field>} entry of a property map (system properties, JUnit
     * configuration parameters); keys without the prefix are ignored, unknown {@code ast.*} keys are
     * an error so a typo does not pass silently. Keys listed in {@code ignored} are skipped (front-end
     * switches such as {@code ast.skip}).
     */
    public static void applyAll(ExperimentConfig.Builder builder, Map<String, String> properties, List<String> ignored) {
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String name = e.getKey().substring(PREFIX.length());
            if (ignored.contains(name)) {
                continue;
            }
            apply(builder, name, e.getValue());
        }
    }

    private static void text(String name, BiConsumer<ExperimentConfig.Builder, String> s) {
        SETTERS.put(name, s);
    }

    private static void integer(String name, IntSetter s) {
        SETTERS.put(name, (b, v) -> {
            try {
                s.set(b, Integer.parseInt(v.replace("_", "")));
            } catch (NumberFormatException e) {
                throw new ConfigException(name, name + " '" + v + "' is not a whole number");
            }
        });
    }

    private static void ratio(String name, DoubleSetter s) {
        SETTERS.put(name, (b, v) -> s.set(b, Ratios.parse(name, v)));
    }

    private static void optionalRatio(String name, BoxedSetter s) {
        SETTERS.put(name, (b, v) -> s.set(b, v.isBlank() ? null : Ratios.parse(name, v)));
    }

    private static void number(String name, DoubleSetter s) {
        SETTERS.put(name, (b, v) -> {
            try {
                s.set(b, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw new ConfigException(name, name + " '" + v + "' is not a number");
            }
        });
    }

    private static long longValue(String name, String v) {
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(name, name + " '" + v + "' is not a whole number");
        }
    }

    private static double speedup(String v) {
        String s = v.toLowerCase(Locale.ROOT).endsWith("x") ? v.substring(0, v.length() - 1) : v;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("minSpeedup", "minSpeedup '" + v + "' is not a number; write e.g. 1.5 or 1.5x");
        }
    }

    /** Reads a boolean strictly: {@code true} or {@code false}, any case. */
    public static boolean bool(String name, String v) {
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new ConfigException(name, name + " '" + v + "' is not true or false");
    }

    @FunctionalInterface
    private interface IntSetter {
        void set(ExperimentConfig.Builder b, int v);
    }

    @FunctionalInterface
    private interface DoubleSetter {
        void set(ExperimentConfig.Builder b, double v);
    }

    @FunctionalInterface
    private interface BoxedSetter {
        void set(ExperimentConfig.Builder b, Double v);
    }
}

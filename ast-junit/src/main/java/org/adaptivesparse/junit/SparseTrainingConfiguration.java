package org.adaptivesparse.junit;

import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ConfigProperties;
import org.adaptivesparse.config.ConfigurationProcessor;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.RawConfiguration;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.data.DataSplit;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns the {@link SparseTraining} annotations of one test and the run's {@code ast.*} configuration
 * parameters into an {@link ExperimentConfig}. Precedence, lowest first: core defaults (or the builder
 * a {@code modelFactory} returns), class annotation, method annotation, then configuration parameters
 * and system properties. Every value goes through the core's {@link ConfigurationProcessor}, so
 * names, parsing ({@code 85%}) and errors are the Maven goal's.
 */
final class SparseTrainingConfiguration {
    /** Base directory of the per-test reports and the index page. */
    static final String REPORTS_DIR = ConfigProperties.PREFIX + "reportsDir";
    /** {@code false}: report violations without failing the test. */
    static final String FAIL_ON_VIOLATION = ConfigProperties.PREFIX + "failOnViolation";
    static final Path DEFAULT_REPORTS_DIR = Path.of("target", "ast-reports");

    /** Fields the extension decides per test; an {@code ast.*} property for them is ignored. */
    private static final List<String> PER_TEST_FIELDS = List.of("name", "outputDir");
    /** {@code ast.*} properties that are not configuration fields but are known: ours, the core's, the Maven goal's. */
    private static final Set<String> KNOWN_SWITCHES = Set.of("reportsDir", "failOnViolation", "skip", "evalBatch");

    private SparseTrainingConfiguration() {
    }

    /** The setup for the context's test method, or null when it carries no {@link SparseTraining}. */
    static TrainingSetup resolve(ExtensionContext context) {
        AnnotationSettings settings = AnnotationSettings.of(context);
        if (!settings.present()) {
            return null;
        }
        String method = context.getRequiredTestMethod().getName();
        Map<String, String> properties = properties(context);
        Path reportsDir = reportsDir(context);
        boolean failOnViolation = failOnViolation(context);

        ExperimentConfig.Builder builder = ExperimentConfig.builder();
        AnnotationSettings.Setting modelFactory = settings.get(AnnotationSettings.MODEL_FACTORY);
        if (modelFactory != null) {
            FactoryMethods.Factory f = FactoryMethods.find(context, modelFactory);
            if (ExperimentConfig.Builder.class.isAssignableFrom(f.returnType())) {
                builder = (ExperimentConfig.Builder) f.call();
            } else if (Block.class.isAssignableFrom(f.returnType())) {
                builder.blockFactory(() -> (Block) f.call());
            } else {
                throw f.wrongType(Block.class.getName() + " or " + ExperimentConfig.Builder.class.getCanonicalName());
            }
        }
        AnnotationSettings.Setting datasetFactory = settings.get(AnnotationSettings.DATASET_FACTORY);
        if (datasetFactory != null) {
            FactoryMethods.Factory f = FactoryMethods.find(context, datasetFactory);
            if (!DataSplit.class.isAssignableFrom(f.returnType())) {
                throw f.wrongType(DataSplit.class.getName());
            }
            builder.dataSupplier(() -> (DataSplit) f.call());
        }
        builder.name(method).outputDir(reportsDir.resolve(context.getRequiredTestClass().getName()));

        RawConfiguration raw = new RawConfiguration(field -> "@SparseTraining on " + method);
        Sources sources = new Sources(method, settings, properties, raw);
        try {
            for (AnnotationSettings.Setting s : settings.all().values()) {
                if (!s.field().equals(AnnotationSettings.MODEL_FACTORY) && !s.field().equals(AnnotationSettings.DATASET_FACTORY)) {
                    raw.put(s.field(), s.value(), s.source());
                }
            }
            properties.forEach((key, v) -> raw.put(key.substring(ConfigProperties.PREFIX.length()), v, key + "=" + v
                    + " (configuration parameter or system property) for " + method));
            ExperimentConfig config = ConfigurationProcessor.process(raw, builder, null);
            return new TrainingSetup(config, reportsDir, failOnViolation, sources, unknownSystemProperties());
        } catch (ConfigException e) {
            throw new ExtensionConfigurationException(e.located(), e);
        }
    }

    /** Every {@code ast.<field>} configuration parameter or system property that is set, by key. */
    private static Map<String, String> properties(ExtensionContext context) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ConfigProperties.names()) {
            if (!PER_TEST_FIELDS.contains(name)) {
                String key = ConfigProperties.PREFIX + name;
                context.getConfigurationParameter(key).ifPresent(v -> out.put(key, v));
            }
        }
        return out;
    }

    /**
     * A warning for each {@code ast.*} system property that names nothing. Warned about, not rejected: the Maven goal's
     * switches reach the test JVM when Surefire passes {@code -D} options on.
     */
    static List<String> unknownSystemProperties() {
        Set<String> unknown = new TreeSet<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(ConfigProperties.PREFIX)) {
                String name = key.substring(ConfigProperties.PREFIX.length());
                if (!ConfigProperties.isKnown(name) && !KNOWN_SWITCHES.contains(name)) {
                    unknown.add("system property " + key + " was ignored: " + Options.notAField(name));
                }
            }
        }
        return new ArrayList<>(unknown);
    }

    static Path reportsDir(ExtensionContext context) {
        return context.getConfigurationParameter(REPORTS_DIR).filter(s -> !s.isBlank()).map(String::trim)
                .map(Path::of).orElse(DEFAULT_REPORTS_DIR);
    }

    private static boolean failOnViolation(ExtensionContext context) {
        String v = context.getConfigurationParameter(FAIL_ON_VIOLATION).orElse("true").trim();
        try {
            return ConfigProperties.bool("failOnViolation", v);
        } catch (ConfigException e) {
            throw new ExtensionConfigurationException(FAIL_ON_VIOLATION + "=" + v + ": " + e.getMessage(), e);
        }
    }

    /** Where each field's value came from, to name it in errors. */
    static final class Sources {
        private final String method;
        private final AnnotationSettings settings;
        private final Map<String, String> properties;
        private final RawConfiguration raw;

        Sources(String method, AnnotationSettings settings, Map<String, String> properties, RawConfiguration raw) {
            this.method = method;
            this.settings = settings;
            this.properties = properties;
            this.raw = raw;
        }

        /** {@code @SparseTraining(targetActivation = 1.5) on cnnTest}, or the property that overrode it. */
        String describe(String field) {
            return raw.sourceOf(field);
        }

        /** The data settings in effect: {@code @SparseTraining(dataset = "fashion-mnist", dataDir = "/d") on m}. */
        String describeData() {
            List<String> annotated = new ArrayList<>();
            List<String> overridden = new ArrayList<>();
            for (String field : List.of("dataset", "dataDir", AnnotationSettings.DATASET_FACTORY)) {
                String key = ConfigProperties.PREFIX + field;
                if (properties.containsKey(key)) {
                    overridden.add(key + "=" + properties.get(key));
                } else if (settings.get(field) != null) {
                    AnnotationSettings.Setting s = settings.get(field);
                    annotated.add(s.attribute() + " = " + s.display());
                }
            }
            return "@SparseTraining" + (annotated.isEmpty() ? "" : "(" + String.join(", ", annotated) + ")") + " on "
                    + method + (overridden.isEmpty() ? "" : " with " + String.join(", ", overridden));
        }

        ExtensionConfigurationException misconfigured(String field, String message, Throwable cause) {
            return new ExtensionConfigurationException(describe(field) + ": " + message, cause);
        }
    }

    /**
     * Everything the extension needs to run one test's experiment.
     *
     * @param config          the validated configuration
     * @param reportsDir      base of the reports and the index page
     * @param failOnViolation false: violations are reported, not thrown
     * @param sources         where each value came from, for error messages
     * @param warnings        things to tell the user that do not stop the run
     */
    record TrainingSetup(ExperimentConfig config, Path reportsDir, boolean failOnViolation, Sources sources,
            List<String> warnings) {
        TrainingSetup {
            warnings = List.copyOf(warnings);
        }
    }
}

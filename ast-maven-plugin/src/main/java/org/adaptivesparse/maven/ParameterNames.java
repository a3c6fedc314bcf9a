package org.adaptivesparse.maven;

import org.adaptivesparse.config.ConfigProperties;

/** Maps the core's field names to the plugin's POM elements and user properties. */
final class ParameterNames {
    /** The core calls it {@code outputDir}; the plugin follows Maven's {@code outputDirectory}. */
    static final String OUTPUT_DIRECTORY = "outputDirectory";

    private ParameterNames() {
    }

    /** The POM element of a core field, e.g. {@code outputDir -> outputDirectory}. */
    static String element(String field) {
        return "outputDir".equals(field) ? OUTPUT_DIRECTORY : field;
    }

    /** The core field of a POM element or {@code ast.*} property name. */
    static String field(String element) {
        return OUTPUT_DIRECTORY.equals(element) ? "outputDir" : element;
    }

    /** The user property of a core field, e.g. {@code ast.targetActivation}. */
    static String property(String field) {
        return ConfigProperties.PREFIX + element(field);
    }
}

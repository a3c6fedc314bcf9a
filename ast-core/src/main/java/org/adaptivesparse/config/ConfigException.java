package org.adaptivesparse.config;

/**
 * A configuration value is invalid. The message names the field, the value given and what is
 * allowed, in words both front ends show as they are (the Maven goal maps {@link #field()} to
 * its {@code <element>} and {@code -Dast.<field>} property, the JUnit extension to the attribute).
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The configuration field at fault, as named in {@link ExperimentConfig}, e.g. {@code targetActivation}. */
    public String field() {
        return field;
    }
}

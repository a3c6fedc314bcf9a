package org.adaptivesparse.config;

/**
 * A configuration value is invalid. The message names the field, the value given and what is
 * allowed, in words both front ends show as they are. When the value came through
 * {@link ConfigurationProcessor}, {@link #source()} says where it was written (a POM element, a
 * {@code -D} property, an annotation attribute), and {@link #located()} puts the two together.
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String source;

    public ConfigException(String field, String message) {
        this(field, message, null, null);
    }

    /** With the failure of the user's code that made the value unusable, kept for {@code -e} stack traces. */
    public ConfigException(String field, String message, Throwable cause) {
        this(field, message, null, cause);
    }

    private ConfigException(String field, String message, String source, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.source = source;
    }

    /** The configuration field at fault, as named in {@link Options}, e.g. {@code targetActivation}. */
    public String field() {
        return field;
    }

    /** Where the value at fault was written, in the front end's words, or null when unknown. */
    public String source() {
        return source;
    }

    /** {@code "<targetActivation> (-Dast.targetActivation): targetActivation 1.5 is out of range; ..."}. */
    public String located() {
        return source == null ? getMessage() : source + ": " + getMessage();
    }

    /** The same error, said to come from {@code where}. */
    public ConfigException at(String where) {
        ConfigException e = new ConfigException(field, getMessage(), where, this);
        e.setStackTrace(getStackTrace());
        return e;
    }
}

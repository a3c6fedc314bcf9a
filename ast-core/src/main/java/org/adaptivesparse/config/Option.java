package org.adaptivesparse.config;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration option, declared once in {@link Options}: its name (the word users type in a
 * POM, after {@code -Dast.}, or as an annotation attribute), its type, its default, a one-line
 * description, how text is read, and how a value is checked. Both front ends read these
 * declarations, so an option's name, parsing and error wording are the same everywhere.
 *
 * @param <T> the typed value ({@link Integer}, {@link Double}, {@link String}, an enum, ...)
 */
public final class Option<T> {
    /** Checks a value, possibly against other options, and returns it normalised. */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * @param value  the value to check, null for an optional option that is not set
         * @param others the other options' values, for rules that relate two options
         * @throws ConfigException naming this option when the value is not allowed
         */
        T apply(T value, Values others);
    }

    /** Read access to every option's value while one is checked. */
    public interface Values {
        <V> V get(Option<V> option);

        /** True when the Java API supplied the data ({@code dataSupplier}) instead of a named dataset. */
        boolean customData();

        /** True when the Java API supplied the network ({@code blockFactory}) instead of a named model. */
        boolean customModel();

        /** Where the classes a {@code model} or {@code dataset} value names are loaded from. */
        default org.adaptivesparse.project.ProjectClasses projectClasses() {
            return org.adaptivesparse.project.ProjectClasses.unchecked();
        }
    }

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;
    private final Check<T> check;
    private final Function<T, Object> reported;
    private final boolean path;
    private final Predicate<Values> comparable;

    Option(String name, Class<T> type, T defaultValue, String description, Function<String, T> parser, Check<T> check,
            Function<T, Object> reported, boolean path, Predicate<Values> comparable) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description);
        this.parser = Objects.requireNonNull(parser);
        this.check = Objects.requireNonNull(check);
        this.reported = Objects.requireNonNull(reported);
        this.path = path;
        this.comparable = comparable;
    }

    /** The name users type: {@code targetActivation}. */
    public String name() {
        return name;
    }

    /** The value's type: {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@code Path}, an enum or {@code List}. */
    public Class<T> type() {
        return type;
    }

    /** The value used when nothing sets the option; null when unset means "not checked" or "none". */
    public T defaultValue() {
        return defaultValue;
    }

    /** One line for {@code mvn ast:help}, Javadoc and the README. */
    public String description() {
        return description;
    }

    /** True for file and directory options, which a front end may resolve against its base directory. */
    public boolean isPath() {
        return path;
    }

    /**
     * True when the option decides a run's figures: two results are comparable (for a baseline
     * check) only when all such options are equal. Paths, thresholds and descriptions are not; a
     * selection mode's options only when that mode is selected (see {@link #appliesTo}).
     */
    public boolean isComparable(Values values) {
        return appliesTo(values) && comparable.test(values);
    }

    /**
     * True when the option is read with these values: always for a core option; for a selection
     * mode's own option, only while that mode (or another that lists it) is selected.
     */
    public boolean appliesTo(Values values) {
        return !SelectionMode.isModeOption(this) || values.get(Options.SELECTION).options().contains(this);
    }

    /**
     * Reads a value as users write it ({@code 10%}, {@code 1_000}, {@code full,random}); blank text
     * means "not set" for optional options.
     *
     * @throws ConfigException naming this option when the text cannot be read
     */
    public T parse(String text) {
        return parser.apply(text == null ? "" : text.trim());
    }

    /**
     * A value from a front end that has typed values (an annotation attribute): text is
     * {@linkplain #parse(String) parsed}, numbers are widened to this option's type, a string array is
     * read as a comma-separated list.
     *
     * @throws ConfigException when the value's type does not fit this option
     */
    public T convert(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s) {
            return parse(s);
        }
        if (raw instanceof String[] a) {
            return parse(String.join(",", a));
        }
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        if (raw instanceof Number n) {
            if (type == Double.class) {
                return type.cast(n.doubleValue());
            }
            if (type == Long.class && (raw instanceof Integer || raw instanceof Short || raw instanceof Byte)) {
                return type.cast(n.longValue());
            }
        }
        throw new ConfigException(name, name + " cannot be set from " + raw + " (" + raw.getClass().getSimpleName()
                + "); it takes a " + type.getSimpleName());
    }

    /**
     * A value as {@code result.json} or a baseline holds it (a number, text, a list), typed; empty when
     * absent or not readable as this option's type.
     */
    public java.util.Optional<T> fromReported(Object v) {
        if (v == null) {
            return java.util.Optional.empty();
        }
        try {
            if (v instanceof Number n && type == Integer.class && n.doubleValue() == Math.rint(n.doubleValue())) {
                return java.util.Optional.of(type.cast(n.intValue()));
            }
            if (v instanceof Number n && type == Long.class && n.doubleValue() == Math.rint(n.doubleValue())) {
                return java.util.Optional.of(type.cast(n.longValue()));
            }
            if (v instanceof Number n && type == Double.class) {
                return java.util.Optional.of(type.cast(n.doubleValue()));
            }
            if (v instanceof java.util.List<?> l) {
                return java.util.Optional.ofNullable(parse(String.join(",", l.stream().map(String::valueOf).toList())));
            }
            return java.util.Optional.ofNullable(parse(v.toString()));
        } catch (ConfigException e) {
            return java.util.Optional.empty();
        }
    }

    /** Checks a value against this option's rules; returns it normalised (a choice lower-cased). */
    T check(T value, Values others) {
        return check.apply(value, others);
    }

    /** The value as {@code result.json} and reports show it (an enum as its id). */
    public Object reported(T value) {
        return value == null ? null : reported.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }
}

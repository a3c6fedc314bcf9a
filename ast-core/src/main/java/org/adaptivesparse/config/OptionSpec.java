package org.adaptivesparse.config;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An option being declared: name, type, default, description, how text is read, how a value is
 * checked, and when it decides the figures. {@link Options} declares the core options with it; a
 * selection mode declares its own in its own class and lists them in {@link SelectionMode#options()}.
 * The readers and checks here are the ones every option uses, so a mode's options are read and
 * worded as the core's are ({@code 10%}, {@code 1_000}, "is out of range; allowed: ...").
 *
 * @param <T> the typed value
 */
public class OptionSpec<T> {
    private final String name;
    private final Class<T> type;
    private final T def;
    private final String description;
    private final Function<String, T> parser;
    private Option.Check<T> check = (v, o) -> v;
    private Function<T, Object> reported = v -> v;
    private boolean path;
    private Predicate<Option.Values> comparable = o -> false;

    public OptionSpec(String name, Class<T> type, T def, String description, Function<String, T> parser) {
        this.name = name;
        this.type = type;
        this.def = def;
        this.description = description;
        this.parser = parser;
    }

    /** An integer option, read with {@code _} allowed ({@code 1_000}). */
    public static OptionSpec<Integer> integer(String name, int def, String description) {
        return new OptionSpec<>(name, Integer.class, def, description, v -> wholeNumber(name, v, Integer::parseInt));
    }

    /** A ratio option: {@code 0.3} or {@code 30%}. */
    public static OptionSpec<Double> ratio(String name, double def, String description) {
        return new OptionSpec<>(name, Double.class, def, description, v -> Ratios.parse(name, v));
    }

    /** A text option, taken as written. */
    public static OptionSpec<String> text(String name, String def, String description) {
        return new OptionSpec<>(name, String.class, def, description, v -> v);
    }

    /** A plain number option. */
    public static OptionSpec<Double> number(String name, double def, String description) {
        return new OptionSpec<>(name, Double.class, def, description, v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(name, name + " '" + v + "' is not a number");
            }
        });
    }

    /**
     * An option taking one of {@code choices} by its {@link Choice#id()}, any case; reported as the id.
     * A word that is none of them: {@code name 'v' is not known; allowed: a, b} (the ids in order).
     */
    public static <E extends Enum<E> & Choice> OptionSpec<E> choice(String name, Class<E> type, E def,
            String description) {
        List<E> choices = List.of(type.getEnumConstants());
        return new OptionSpec<>(name, type, def, description, v -> Choices.known(name, v, choices))
                .reported(Choice::id);
    }

    public OptionSpec<T> check(Option.Check<T> c) {
        this.check = c;
        return this;
    }

    public OptionSpec<T> reported(Function<T, Object> r) {
        this.reported = r;
        return this;
    }

    public OptionSpec<T> path() {
        this.path = true;
        return this;
    }

    /** The option always decides the figures (for a mode's option: whenever the mode is selected). */
    public OptionSpec<T> comparable() {
        return comparable(o -> true);
    }

    /**
     * The option decides the figures when {@code when} holds. A mode's option is never comparable
     * while another mode is selected, whatever {@code when} says (see {@link Option#appliesTo}).
     */
    public OptionSpec<T> comparable(Predicate<Option.Values> when) {
        this.comparable = when;
        return this;
    }

    /** The option, declared. A mode lists it in {@link SelectionMode#options()}; the core's are listed by {@link Options}. */
    public Option<T> declare() {
        return new Option<>(name, type, def, description, parser, check, reported, path, comparable);
    }

    /** Checks that an integer is at least {@code min}: {@code field v is out of range; allowed: min or more (note)}. */
    public static Option.Check<Integer> atLeast(String field, int min, String note) {
        return (v, o) -> {
            if (v < min) {
                throw new ConfigException(field, field + " " + v + " is out of range; allowed: " + min + " or more"
                        + (note == null ? "" : " (" + note + ")"));
            }
            return v;
        };
    }

    /** Checks that a ratio is 0 to 1, suggesting {@code 30%} when it looks like a percentage. */
    public static Option.Check<Double> unit(String field) {
        return (v, o) -> {
            if (v != null && !(v >= 0 && v <= 1)) {
                String percent = v >= 2 && v <= 100 ? " (" + fmt(v) + " looks like a percentage: write "
                        + fmt(v / 100) + " or " + fmt(v) + "%)" : "";
                throw new ConfigException(field, field + " " + fmt(v) + " is out of range; allowed: 0 to 1" + percent);
            }
            return v;
        };
    }

    /** A number as the messages show it: {@code 1.0}, {@code 0.15}. */
    public static String fmt(double v) {
        return Options.fmt(v);
    }

    static <N> N wholeNumber(String name, String v, Function<String, N> parse) {
        try {
            return parse.apply(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(name, name + " '" + v + "' is not a whole number");
        }
    }
}

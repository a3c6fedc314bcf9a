package org.adaptivesparse.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configuration values as a front end found them, before typing and validation: text from a POM or
 * a {@code -D} property, typed values from an annotation, each with the words that say where it was
 * written. Layers are added lowest first; a later value for the same option replaces an earlier one
 * and its source. {@link ConfigurationProcessor} turns this into an {@link ExperimentConfig}.
 */
public final class RawConfiguration {
    /**
     * One value.
     *
     * @param option the option it sets
     * @param value  text, a number, a boolean or a string array, as the front end read it
     * @param source where it was written, e.g. {@code <experiments><experiment> 'cnn' <epochs>}
     */
    public record Entry(Option<?> option, Object value, String source) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Function<String, String> unsetSource;

    /**
     * @param unsetSource where an option nobody set would be written, for errors about defaults and
     *                    rules between options, e.g. {@code <epochs> (-Dast.epochs)}
     */
    public RawConfiguration(Function<String, String> unsetSource) {
        this.unsetSource = Objects.requireNonNull(unsetSource);
    }

    /**
     * Sets one option by name.
     *
     * @throws ConfigException located at {@code source} when no option has that name, suggesting the nearest
     */
    public RawConfiguration put(String name, Object value, String source) {
        Option<?> option;
        try {
            option = Options.named(name);
        } catch (ConfigException e) {
            throw e.at(source);
        }
        entries.put(name, new Entry(option, value, source));
        return this;
    }

    /** True when some layer set the option. */
    public boolean isSet(String name) {
        return entries.containsKey(name);
    }

    /** The raw value set for the option, or null. */
    public Object value(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.value();
    }

    /** Where the option's value was written, or where it would be when nothing set it. */
    public String sourceOf(String name) {
        Entry e = name == null ? null : entries.get(name);
        return e != null ? e.source() : unsetSource.apply(name);
    }

    /** Every value set, in the order the options were first set. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }
}

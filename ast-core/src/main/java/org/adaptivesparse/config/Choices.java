package org.adaptivesparse.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses a configuration word into one of a fixed set of choices, with the same error wording for each. */
final class Choices {
    private Choices() {
    }

    /**
     * The choice whose id equals {@code value}, ignoring case and surrounding blanks.
     *
     * @param what the kind of choice for the message, e.g. "a gate"
     * @throws ConfigException naming the field, the value and every allowed id
     */
    static <E> E parse(String field, String value, E[] choices, Function<E, String> id, String what) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (E c : choices) {
            if (id.apply(c).equals(v)) {
                return c;
            }
        }
        throw new ConfigException(field, field + " '" + value + "' is not " + what + "; allowed: "
                + Arrays.stream(choices).map(id).collect(Collectors.joining(", ")));
    }

    /**
     * The {@link Choice} whose id equals {@code value}, ignoring case and surrounding blanks.
     *
     * @throws ConfigException {@code field 'value' is not known; allowed: a, b}, the ids in declaration order
     */
    static <E extends Choice> E known(String field, String value, List<E> choices) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (E c : choices) {
            if (c.id().equals(v)) {
                return c;
            }
        }
        throw new ConfigException(field, field + " '" + value + "' is not known; allowed: "
                + choices.stream().map(Choice::id).collect(Collectors.joining(", ")));
    }
}

package org.adaptivesparse.config;

import java.util.Locale;

/**
 * One of a fixed set of choices an option takes (a sampling, a schedule, a score): the word users
 * write, and what it means. Implemented by enums; {@link OptionSpec#choice} declares an option of
 * them, read once in the core with one wording for every error.
 */
public interface Choice {
    /** The word users write: the enum constant's name in lower case, {@code proportional}. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** What the choice does, one line, for documentation. */
    String description();
}

package org.adaptivesparse.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/** Configuration values as text, keyed by the core's field names, in the order they were given. */
final class Settings {
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Records {@code value} under {@code field}; a null value (parameter not set) is skipped. */
    Settings put(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    Map<String, String> asMap() {
        return values;
    }
}

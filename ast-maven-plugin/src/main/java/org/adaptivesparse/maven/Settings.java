package org.adaptivesparse.maven;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adaptivesparse.config.ConfigProperties;

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

    /**
     * The values of {@code source}'s String fields named like core configuration fields
     * ({@link ConfigProperties#names()}), searched up the class hierarchy. The Mojo's flat parameters
     * and each {@code <experiment>} declare one field per configuration name (Maven injects fields),
     * so reading them by name keeps a new configuration field from being forgotten in one of them.
     */
    static Settings ofFields(Object source) {
        Settings s = new Settings();
        for (String name : ConfigProperties.names()) {
            Field f = find(source.getClass(), name);
            if (f != null) {
                try {
                    f.setAccessible(true);
                    s.put(name, (String) f.get(source));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read parameter field " + name, e);
                }
            }
        }
        return s;
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                return f.getType() == String.class ? f : null;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    Map<String, String> asMap() {
        return values;
    }
}

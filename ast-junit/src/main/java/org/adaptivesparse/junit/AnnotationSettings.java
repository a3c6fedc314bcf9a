package org.adaptivesparse.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.SelectionMode;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link SparseTraining} attributes that apply to one test method, merged: enclosing classes of a
 * {@code @Nested} class first, then the test class, then the method, each overriding only the
 * attributes it sets. Values are kept as written (an {@code int}, a {@code double}, a string array),
 * typed by the core, with where they came from, so an error can name the annotation and attribute at
 * fault.
 */
final class AnnotationSettings {
    /** Attributes that are not configuration fields of the same name. */
    static final String MODEL_FACTORY = "modelFactory";
    static final String DATASET_FACTORY = "datasetFactory";
    /** The attribute that holds a selection mode's options as {@code name=value} pairs. */
    static final String SELECTION_OPTIONS = "selectionOptions";
    private static final Map<String, String> FIELD_OF_ATTRIBUTE = Map.of("baseline", "baselineFile");

    /**
     * One attribute's value.
     *
     * @param attribute the attribute as the user wrote it ({@code baseline})
     * @param field     the configuration field it sets ({@code baselineFile})
     * @param value     the value as written: a String, Integer, Long, Double or String[]
     * @param display   the value as written in Java ({@code "cnn"}, {@code 0.1}, {@code {"full", "random"}})
     * @param where     {@code cnnTest} for the method, {@code class CnnTest} for a class
     */
    record Setting(String attribute, String field, Object value, String display, String where) {
        /** {@code @SparseTraining(targetActivation = 1.5) on cnnTest}. */
        String source() {
            return "@SparseTraining(" + attribute + " = " + display + ") on " + where;
        }
    }

    private final Map<String, Setting> byField;
    private final boolean present;

    private AnnotationSettings(Map<String, Setting> byField, boolean present) {
        this.byField = byField;
        this.present = present;
    }

    /** The merged settings for the context's test method; {@link #present()} is false when nothing is annotated. */
    static AnnotationSettings of(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        List<AnnotatedElement> chain = new ArrayList<>();
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = enclosingInstanceType(c)) {
            chain.add(0, c);
        }
        chain.add(method);
        Map<String, Setting> merged = new LinkedHashMap<>();
        boolean present = false;
        for (AnnotatedElement element : chain) {
            var annotation = element instanceof Class<?> c ? AnnotationSupport.findAnnotation(c, SparseTraining.class)
                    : AnnotationSupport.findAnnotation(element, SparseTraining.class);
            if (annotation.isPresent()) {
                present = true;
                String where = element instanceof Class<?> c ? "class " + c.getSimpleName() : method.getName();
                read(annotation.get(), where).forEach(s -> merged.put(s.field(), s));
            }
        }
        return new AnnotationSettings(Collections.unmodifiableMap(merged), present);
    }

    /** The enclosing class whose instance a {@code @Nested} class needs, or null. */
    private static Class<?> enclosingInstanceType(Class<?> c) {
        return c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null;
    }

    private static List<Setting> read(SparseTraining annotation, String where) {
        List<Setting> out = new ArrayList<>();
        Method[] attributes = SparseTraining.class.getDeclaredMethods();
        Arrays.sort(attributes, Comparator.comparing(Method::getName));
        for (Method attribute : attributes) {
            Object value;
            try {
                value = attribute.invoke(annotation);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read @SparseTraining." + attribute.getName(), e);
            }
            String name = attribute.getName();
            String field = FIELD_OF_ATTRIBUTE.getOrDefault(name, name);
            if (name.equals(SELECTION_OPTIONS)) {
                out.addAll(selectionOptions((String[]) value, where));
            } else if (isSet(value)) {
                out.add(new Setting(name, field, value, display(value), where));
            }
        }
        return out;
    }

    /**
     * One setting per {@code name=value} pair, each naming the pair it came from. Only a selection
     * mode's own options: a core option has an attribute of its own, which says what type it takes.
     */
    private static List<Setting> selectionOptions(String[] pairs, String where) {
        List<Setting> out = new ArrayList<>();
        for (String pair : pairs) {
            String display = '"' + pair + '"';
            String source = "@SparseTraining(" + SELECTION_OPTIONS + " = " + display + ") on " + where;
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException(source + ": '" + pair + "' is not name=value; write e.g."
                        + " \"staleSampling=coverage\"");
            }
            String name = pair.substring(0, eq).trim();
            Option<?> option = Options.find(name);
            if (option != null && !SelectionMode.isModeOption(option)) {
                throw new ExtensionConfigurationException(source + ": " + name + " is not a selection mode's option;"
                        + " set it with its own attribute, " + name + " = ...");
            }
            out.add(new Setting(SELECTION_OPTIONS, name, pair.substring(eq + 1).trim(), display, where));
        }
        return out;
    }

    /** False for an attribute left at its "not set" default. */
    private static boolean isSet(Object value) {
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof String[] a) {
            return a.length > 0;
        }
        if (value instanceof Integer i) {
            return i != SparseTraining.UNSET_INT;
        }
        if (value instanceof Long l) {
            return l != SparseTraining.UNSET_LONG;
        }
        return !(value instanceof Double d) || d != SparseTraining.UNSET_DOUBLE;
    }

    /** The value as written in Java: {@code "cnn"}, {@code 0.1}, {@code {"full", "random"}}. */
    private static String display(Object value) {
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof String[] a) {
            return Arrays.stream(a).map(v -> '"' + v + '"').collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /** True when the method or one of its classes carries {@link SparseTraining}. */
    boolean present() {
        return present;
    }

    /** The setting for a configuration field ({@code baselineFile} for the {@code baseline} attribute), or null. */
    Setting get(String field) {
        return byField.get(field);
    }

    /** Every setting, keyed by configuration field. */
    Map<String, Setting> all() {
        return byField;
    }
}

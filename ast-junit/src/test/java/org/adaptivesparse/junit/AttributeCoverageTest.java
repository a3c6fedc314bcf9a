package org.adaptivesparse.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.SelectionMode;
import org.junit.jupiter.api.Test;

/**
 * Every core option is a {@link SparseTraining} attribute of a type that holds its values: adding an
 * option to {@code Options} without its attribute fails here. A selection mode's own options need
 * none: {@code selectionOptions} takes them as {@code name=value} (an older one's attribute, where
 * there is one, must still fit).
 */
class AttributeCoverageTest {
    /** Java types an attribute may have for each option type. */
    private static final Map<Class<?>, List<Class<?>>> FITS = Map.of(
            Integer.class, List.of(int.class),
            Long.class, List.of(long.class),
            Double.class, List.of(double.class),
            String.class, List.of(String.class),
            Boolean.class, List.of(String.class),
            Path.class, List.of(String.class),
            List.class, List.of(String[].class));

    @Test
    void everyOptionIsAnAttribute() {
        List<String> problems = new ArrayList<>();
        for (Option<?> option : Options.all()) {
            // reports go to <ast.reportsDir>/<test class>/<name>/: the extension decides the directory per test
            if (option == Options.OUTPUT_DIR) {
                continue;
            }
            String attribute = option == Options.BASELINE_FILE ? "baseline" : option.name();
            Method m;
            try {
                m = SparseTraining.class.getDeclaredMethod(attribute);
            } catch (NoSuchMethodException e) {
                if (!SelectionMode.isModeOption(option)) {
                    problems.add(attribute + " is missing");
                }
                continue;
            }
            List<Class<?>> fits = FITS.getOrDefault(option.type(), List.of(String.class));
            if (!fits.contains(m.getReturnType())) {
                problems.add(attribute + " is a " + m.getReturnType().getSimpleName() + ", not one of " + fits);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void modeOptionsHaveTheGenericAttribute() throws NoSuchMethodException {
        assertEquals(String[].class, SparseTraining.class.getDeclaredMethod(AnnotationSettings.SELECTION_OPTIONS)
                .getReturnType());
        assertEquals(null, Options.find(AnnotationSettings.SELECTION_OPTIONS), "not an option of its own");
    }
}

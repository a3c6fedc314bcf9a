package org.adaptivesparse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.config.ConfigProperties;
import org.junit.jupiter.api.Test;

/** Every core configuration field is a Maven parameter and an {@code <experiment>} element. */
class ParameterCoverageTest {

    private static List<String> missing(Class<?> type, List<String> exempt) {
        List<String> out = new ArrayList<>();
        for (String name : ConfigProperties.names()) {
            if (exempt.contains(name)) {
                continue;
            }
            boolean found = false;
            for (Class<?> c = type; c != null && !found; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    found |= f.getName().equals(name) && f.getType() == String.class;
                }
            }
            if (!found) {
                out.add(name);
            }
        }
        return out;
    }

    @Test
    void flatParametersCoverEveryConfigurationField() {
        // outputDir is the Mojo's outputDirectory, a File defaulting to ${project.build.directory}/ast
        assertEquals(List.of(), missing(TrainMojo.class, List.of("outputDir")));
    }

    @Test
    void experimentElementsCoverEveryConfigurationField() {
        // an experiment's output goes under the Mojo's outputDirectory
        assertEquals(List.of(), missing(Experiment.class, List.of("outputDir")));
    }
}

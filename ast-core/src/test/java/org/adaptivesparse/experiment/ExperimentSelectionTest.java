package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentSelectionTest {
    private static final List<String> NAMES = List.of("cnn", "mlp", "resnet");

    @Test
    void blankSelectsAllAndNamesSelectInConfiguredOrder() {
        assertEquals(List.of(0, 1, 2), ExperimentSelection.select(NAMES, null));
        assertEquals(List.of(0, 2), ExperimentSelection.select(NAMES, " resnet, cnn "));
    }

    @Test
    void unknownNameListsTheNamesAndSuggests() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentSelection.select(NAMES, "cnn,mpl"));
        assertEquals("'mpl' is not an experiment of this build; did you mean mlp? the experiments are: cnn, mlp, resnet",
                e.getMessage());
    }
}

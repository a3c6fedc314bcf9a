package org.adaptivesparse.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTest {

    @Test
    void namesInMessageOrder() {
        assertEquals(List.of("mlp", "cnn", "resnet"), Models.names());
        assertEquals("model 'vgg' is not known; allowed: mlp, cnn, resnet", Models.unknown("vgg"));
        assertTrue(Models.isKnown(" CNN "));
        assertFalse(Models.isKnown("vgg"));
    }

    @Test
    void everyNameBuilds() {
        for (String name : Models.names()) {
            assertNotNull(Models.build(name, 3, 32, 32, 10), name);
        }
    }

    @Test
    void unknownNameIsRejectedWithTheListedNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.build("vgg", 1, 28, 28, 10));
        assertEquals(Models.unknown("vgg"), e.getMessage());
    }
}

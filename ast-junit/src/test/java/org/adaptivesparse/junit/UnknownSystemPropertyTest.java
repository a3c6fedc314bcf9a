package org.adaptivesparse.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptivesparse.config.Options;
import org.junit.jupiter.api.Test;

class UnknownSystemPropertyTest {

    @Test
    void anUnknownAstPropertyIsWarnedAboutInTheCoresWords() {
        System.setProperty("ast.epoch", "3");
        try {
            List<String> warnings = SparseTrainingConfiguration.unknownSystemProperties();
            assertEquals(List.of("system property ast.epoch was ignored: " + Options.notAField("epoch")), warnings);
            assertTrue(warnings.get(0).startsWith("system property ast.epoch was ignored: 'epoch' is not a"
                    + " configuration field; did you mean epochs? known fields: allowDownload, "), warnings.get(0));
        } finally {
            System.clearProperty("ast.epoch");
        }
    }
}

package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {
    @TempDir
    Path tmp;

    @Test
    void namesInMessageOrder() {
        assertEquals(List.of("fashion-mnist", "cifar10", "synthetic", "folder"), DatasetCatalog.names());
        assertEquals("dataset 'MNIST' is not known; allowed: fashion-mnist, cifar10, synthetic, folder",
                DatasetCatalog.unknown("MNIST"));
    }

    @Test
    void knownIgnoresCaseAndBlanks() {
        assertTrue(DatasetCatalog.isKnown(" CIFAR10 "));
        assertEquals("cifar10", DatasetCatalog.canonical(" CIFAR10 "));
        assertFalse(DatasetCatalog.isKnown("mnist"));
        assertFalse(DatasetCatalog.isKnown(null));
    }

    /** Every listed name is one the loader knows: a missing dataDir is reported, not an unknown name. */
    @Test
    void everyNameIsLoadable() {
        for (String name : DatasetCatalog.names()) {
            if (name.equals(DatasetCatalog.SYNTHETIC)) {
                assertTrue(DatasetCatalog.description(name).isEmpty());
                assertEquals(8, Datasets.load(name, null, null, false, 8, 4, 1).train().size());
                continue;
            }
            // the file datasets, and folder (the user's images), read dataDir
            Path missing = tmp.resolve("nowhere");
            DataException e = assertThrows(DataException.class,
                    () -> Datasets.load(name, missing, tmp, false, 0, 0, 1));
            assertTrue(e.getMessage().startsWith("dataDir " + missing + " does not exist"), e.getMessage());
        }
    }

    @Test
    void everyDownloadableFileHasAHash() {
        for (String name : DatasetCatalog.names()) {
            DatasetCatalog.description(name).ifPresent(d -> {
                assertFalse(d.files().isEmpty(), name);
                d.files().forEach(f -> assertTrue(d.sha256().get(f).matches("[0-9a-f]{64}"), f));
                assertTrue(DatasetCatalog.sha256().keySet().containsAll(d.files()), name);
            });
        }
    }
}

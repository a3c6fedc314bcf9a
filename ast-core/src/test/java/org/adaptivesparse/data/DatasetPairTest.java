package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import org.junit.jupiter.api.Test;

/** A factory's DJL datasets read into memory, and the manager it hands over closed once they are. */
class DatasetPairTest {
    private static ArrayDataset set(NDManager m, int n) {
        float[] x = new float[n * 4];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = i + j / 10f;
            }
        }
        return new ArrayDataset.Builder().setData(m.create(x, new Shape(n, 4))).optLabels(m.create(y, new Shape(n)))
                .setSampling(3, false).build();
    }

    @Test
    void theManagerHandedOverIsClosedAfterTheSetsAreCopied() {
        NDManager m = NDManager.newBaseManager();
        DataSplit split = DatasetPair.of(set(m, 10), set(m, 4)).closing(m).read("com.example.Data");
        assertFalse(m.isOpen(), "the factory's manager outlived the read");
        // the copy does not depend on the closed arrays
        assertEquals(10, split.train().size());
        assertEquals(2, split.train().classes());
        assertArrayEquals(new float[] {9f, 9.1f, 9.2f, 9.3f}, java.util.Arrays.copyOfRange(
                split.train().pixels(), 36, 40), 1e-6f);
    }

    @Test
    void itIsClosedWhenTheReadFailsToo() {
        NDManager m = NDManager.newBaseManager();
        DataException e = assertThrows(DataException.class,
                () -> DatasetPair.of(set(m, 0), set(m, 4)).closing(m).read("com.example.Data"));
        assertEquals("com.example.Data returned an empty training set", e.getMessage());
        assertFalse(m.isOpen());
    }

    @Test
    void withoutClosingTheFactoryKeepsItsManager() {
        try (NDManager m = NDManager.newBaseManager()) {
            DatasetPair.of(set(m, 6), set(m, 4)).read("com.example.Data");
            assertTrue(m.isOpen());
        }
    }

    @Test
    void aResourceThatCannotBeClosedIsNamed() {
        NDManager m = NDManager.newBaseManager();
        try {
            DataException e = assertThrows(DataException.class, () -> DatasetPair.of(set(m, 6), set(m, 4))
                    .closing(() -> {
                        throw new IllegalStateException("already closed by someone else");
                    }).read("com.example.Data"));
            assertEquals("com.example.Data: the resource handed to DatasetPair.closing could not be closed after"
                    + " reading: IllegalStateException: already closed by someone else", e.getMessage());
        } finally {
            m.close();
        }
    }
}

package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a {@link DataRequest} loads: names, limits, suppliers, and the real dataset where installed. */
class DatasetsTest {
    @TempDir
    Path tmp;

    private static DataRequest named(String dataset, Path dataDir, Path cacheDir, int limit, int testLimit, long seed) {
        return new DataRequest(dataset, dataDir, cacheDir, false, limit, testLimit, seed, null);
    }

    @Test
    void namesIgnoreCaseAndDataDirMayHoldADatasetSubdirectory() throws IOException {
        TestFiles.writeFashion(tmp.resolve("datasets").resolve("fashion-mnist"), 6, 2);

        DataSplit split = Datasets.load(named(" Fashion-MNIST", tmp.resolve("datasets"), tmp.resolve("cache"), 0, 0, 1));

        assertEquals(6, split.train().size());
    }

    @Test
    void limitsKeepTheFirstSamples() throws IOException {
        Path dataDir = TestFiles.writeFashion(tmp.resolve("mine"), 20, 10);

        DataSplit split = Datasets.load(named("fashion-mnist", dataDir, tmp.resolve("cache"), 6, 4, 1));

        assertEquals(6, split.train().size());
        assertEquals(4, split.test().size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), Arrays.stream(split.train().labels()).boxed().toList());
        assertEquals(6 * 784, split.train().pixels().length);
    }

    @Test
    void negativeLimitsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("synthetic", null, null, false, -1, 0, 1));

        assertEquals("limit -1 and testLimit 0 must be 0 (all) or more", e.getMessage());
    }

    @Test
    void syntheticNeedsNoFiles() {
        DataSplit split = Datasets.load("synthetic", null, null, false, 100, 30, 3);

        assertEquals(100, split.train().size());
        assertEquals(30, split.test().size());
        assertEquals(Arrays.toString(SyntheticImages.generate(100, 30, 3).train().labels()),
                Arrays.toString(split.train().labels()));
    }

    @Test
    void unknownDataset() {
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load("mnist", null, tmp, false, 0, 0, 1));

        assertEquals("dataset 'mnist' is not known; allowed: fashion-mnist, cifar10, synthetic, folder", e.getMessage());
    }

    @Test
    void cacheDirIsRequiredForFileDatasets() {
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load("cifar10", null, null, false, 0, 0, 1));

        assertEquals("cacheDir is not set; it is needed to find or download the dataset", e.getMessage());
    }

    @Test
    void supplierReplacesTheNameAndGetsTheLimits() {
        DataRequest request = new DataRequest("no such dataset", null, null, false, 10, 5, 1,
                () -> SyntheticImages.generate(50, 40, 1));

        DataSplit split = Datasets.load(request);

        assertEquals(10, split.train().size());
        assertEquals(5, split.test().size());
    }

    @Test
    void supplierReturningNullIsNamed() {
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load(new DataRequest("synthetic", null, null, false, 0, 0, 1, () -> null)));

        assertEquals("the experiment's dataSupplier returned null instead of a DataSplit", e.getMessage());
    }

    @Test
    void realFashionMnistFromDebianPackage() throws IOException {
        DatasetDescription fashion = DatasetCatalog.description("fashion-mnist").orElseThrow();
        Path system = DatasetLocator.SYSTEM_DATASETS.resolve("fashion-mnist");
        Assumptions.assumeTrue(fashion.files().stream().allMatch(f -> Files.isRegularFile(system.resolve(f))),
                "package dataset-fashion-mnist is not installed");

        DataSplit split = new DatasetLocator(new VerifiedDownload(DatasetCatalog.sha256()), null,
                DatasetLocator.SYSTEM_DATASETS).locate(fashion, null, tmp.resolve("empty-cache"), false);

        for (ImageSet set : List.of(split.train(), split.test())) {
            assertEquals(1, set.channels());
            assertEquals(28, set.height());
            assertEquals(28, set.width());
            assertEquals(10, set.classes());
            int[] counts = new int[10];
            for (int l : set.labels()) {
                counts[l]++;
            }
            for (int c : counts) {
                assertEquals(set.size() / 10, c, "Fashion-MNIST is balanced");
            }
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : set.pixels()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals(0f, min);
            assertEquals(1f, max);
        }
        assertEquals(60000, split.train().size());
        assertEquals(10000, split.test().size());
        assertFalse(Files.exists(tmp.resolve("empty-cache")), "nothing is written to the cache");
        assertTrue(split.train().name().startsWith("fashion-mnist"), split.train().name());
    }
}

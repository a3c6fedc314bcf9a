package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.data.DataRequest;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.data.FolderSettings;
import org.adaptivesparse.data.SyntheticImages;
import org.junit.jupiter.api.Test;

/** The data request the runner builds from a configuration. */
class ExperimentRunnerTest {

    @Test
    void namedDatasetRequestCarriesEveryDataSetting() {
        ExperimentConfig cfg = ExperimentConfig.builder().dataset("synthetic").dataDir(Path.of("/d"))
                .cacheDir(Path.of("/c")).allowDownload(false).limit(64).testLimit(16).seed(11).build();

        DataRequest r = ExperimentRunner.dataRequest(cfg);

        assertEquals(new DataRequest("synthetic", Path.of("/d"), Path.of("/c"), false, 64, 16, 11, null), r);
        DataSplit split = Datasets.load(r);
        assertEquals(64, split.train().size());
        assertEquals(16, split.test().size());
        assertEquals(Arrays.toString(SyntheticImages.generate(64, 16, 11).train().labels()),
                Arrays.toString(split.train().labels()));
    }

    @Test
    void folderRequestCarriesTheImageSettings() {
        ExperimentConfig cfg = ExperimentConfig.builder().dataset("folder").dataDir(Path.of("/images")).imageSize(16)
                .channels(1).testFraction(0.5).seed(3).build();

        DataRequest r = ExperimentRunner.dataRequest(cfg);

        assertEquals("folder", r.dataset());
        assertEquals(Path.of("/images"), r.dataDir());
        assertEquals(new FolderSettings(16, 1, 0.5), r.folder());
        assertEquals(3, r.seed());
    }

    @Test
    void supplierRequestAppliesTheLimits() {
        Supplier<DataSplit> supplier = () -> SyntheticImages.generate(50, 40, 1);
        ExperimentConfig cfg = ExperimentConfig.builder().dataSupplier(supplier).limit(10).testLimit(5).build();

        DataRequest r = ExperimentRunner.dataRequest(cfg);

        assertSame(supplier, r.supplier());
        DataSplit split = Datasets.load(r);
        assertEquals(10, split.train().size());
        assertEquals(5, split.test().size());
    }
}

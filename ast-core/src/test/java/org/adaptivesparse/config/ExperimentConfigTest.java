package org.adaptivesparse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.adaptivesparse.selection.StaleMode;
import org.adaptivesparse.selection.StaleSampling;
import org.junit.jupiter.api.Test;

class ExperimentConfigTest {

    private static ConfigException reject(ExperimentConfig.Builder b) {
        return assertThrows(ConfigException.class, b::build);
    }

    @Test
    void targetOutOfRangeNamesFieldValueAndRange() {
        ConfigException e = reject(ExperimentConfig.builder().targetActivation(1.5));
        assertEquals("targetActivation", e.field());
        assertEquals("targetActivation 1.5 is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)",
                e.getMessage());
        assertEquals("targetActivation", reject(ExperimentConfig.builder().targetActivation(0)).field());
    }

    @Test
    void epochsAndBatchSize() {
        assertEquals("epochs 0 is out of range; allowed: 1 or more", reject(ExperimentConfig.builder().epochs(0)).getMessage());
        assertEquals("batchSize", reject(ExperimentConfig.builder().batchSize(1)).field());
    }

    @Test
    void weightsMustSumToOne() {
        ConfigException e = reject(ExperimentConfig.builder().lossWeight(0.6).stdWeight(0.3));
        assertEquals("lossWeight 0.6 and stdWeight 0.3 sum to 0.8999999999999999; they must sum to 1", e.getMessage());
    }

    @Test
    void unknownNames() {
        assertEquals("model 'transformer' is not known; allowed: mlp, cnn, resnet, or a class of your project (com.example.Net implementing org.adaptivesparse.model.BlockFactory, or com.example.Nets#method)",
                reject(ExperimentConfig.builder().model("transformer")).getMessage());
        assertEquals("dataset 'mnist' is not known; allowed: fashion-mnist, cifar10, synthetic, folder"
                + ", or a class of your project (com.example.Data implementing org.adaptivesparse.data.DatasetFactory, or com.example.Datasets#method)",
                reject(ExperimentConfig.builder().dataset("mnist")).getMessage());
    }

    @Test
    void namesAreNormalised() {
        ExperimentConfig c = ExperimentConfig.builder().model(" CNN ").dataset("Fashion-MNIST").build();
        assertEquals("cnn", c.model());
        assertEquals("fashion-mnist", c.dataset());
    }

    @Test
    void speedupNeedsTheFullControl() {
        ConfigException e = reject(ExperimentConfig.builder().controls(List.of(Policy.RANDOM)).minSpeedup(1.5));
        assertEquals("minSpeedup", e.field());
    }

    @Test
    void warmupMustLeaveAnAstEpoch() {
        assertEquals("warmupEpochs", reject(ExperimentConfig.builder().epochs(2).warmupEpochs(2)).field());
    }

    @Test
    void propertiesParseRatiosPercentagesAndLists() {
        ExperimentConfig.Builder b = ExperimentConfig.builder();
        ConfigProperties.apply(b, "targetActivation", "10%");
        ConfigProperties.apply(b, "minAccuracy", "0.85");
        ConfigProperties.apply(b, "controls", "full, random");
        ConfigProperties.apply(b, "minSpeedup", "1.5x");
        ConfigProperties.apply(b, "limit", "10_000");
        ExperimentConfig c = b.build();
        assertEquals(0.10, c.targetActivation(), 1e-12);
        assertEquals(0.85, c.thresholds().minAccuracy());
        assertEquals(List.of(Policy.FULL, Policy.RANDOM), c.controls());
        assertEquals(1.5, c.thresholds().minSpeedup());
        assertEquals(10_000, c.limit());
    }

    @Test
    void propertiesRejectTyposAndBadValuesByName() {
        ExperimentConfig.Builder b = ExperimentConfig.builder();
        ConfigException typo = assertThrows(ConfigException.class, () -> ConfigProperties.apply(b, "epoch", "1"));
        assertEquals("epoch", typo.field());
        ConfigException bad = assertThrows(ConfigException.class, () -> ConfigProperties.apply(b, "epochs", "two"));
        assertEquals("epochs 'two' is not a whole number", bad.getMessage());
        ConfigException pol = assertThrows(ConfigException.class, () -> ConfigProperties.apply(b, "controls", "full,rnd"));
        assertEquals("controls 'rnd' is not a policy; allowed: ast, full, random, random-batch, random-epoch, random-all",
                pol.getMessage());
    }

    @Test
    void bothRandomSamplingsCanRunBesideEachOtherButNotTwiceTheSame() {
        assertEquals(List.of(Policy.RANDOM_BATCH, Policy.RANDOM_EPOCH),
                ExperimentConfig.builder().controls("random-batch,random-epoch").build().controls());
        assertEquals(List.of(Policy.RANDOM, Policy.RANDOM_EPOCH),
                ExperimentConfig.builder().controls("random,random-epoch").build().controls());
        ConfigException e = reject(ExperimentConfig.builder().controls("random,random-epoch").randomSampling("epoch"));
        assertEquals("controls", e.field());
        assertEquals("controls lists random and random-epoch, which with randomSampling epoch are the same run twice;"
                + " drop one of them", e.getMessage());
    }

    @Test
    void staleSamplingAndSkipTopAreValidatedAndSetByProperty() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentConfig.builder().set("staleSampling", "softmax"));
        assertEquals("staleSampling", e.field());
        assertEquals("staleSampling 'softmax' is not known; allowed: greedy, proportional, coverage, percentile", e.getMessage());
        ConfigException skip = reject(ExperimentConfig.builder().set("staleSkipTop", 1.0));
        assertEquals("staleSkipTop", skip.field());
        assertEquals("staleSkipTop 1.0 is out of range; allowed: 0 (skip none) up to but not including 1",
                skip.getMessage());
        ExperimentConfig.Builder b = ExperimentConfig.builder();
        ConfigProperties.apply(b, "staleSampling", " Proportional ");
        ConfigProperties.apply(b, "staleSkipTop", "2%");
        ExperimentConfig c = b.build();
        assertEquals(StaleSampling.PROPORTIONAL, c.get(StaleMode.SAMPLING));
        assertEquals(0.02, c.get(StaleMode.SKIP_TOP), 1e-12);
        assertEquals(StaleSampling.PROPORTIONAL, ExperimentConfig.builder().build().get(StaleMode.SAMPLING));
        assertEquals(0.3, ExperimentConfig.builder().build().get(StaleMode.EXPLORATION), 1e-12);
        assertEquals(0.0, ExperimentConfig.builder().build().get(StaleMode.SKIP_TOP));
    }

    @Test
    void folderNeedsDataDirAndChecksItsImageSettings() {
        ConfigException noDir = reject(ExperimentConfig.builder().dataset("folder"));
        assertEquals("dataDir", noDir.field());
        assertEquals("dataset folder reads images from dataDir, but dataDir is not set; set it to a directory with one"
                + " subdirectory of images per class (see the README's \"Data sets\")", noDir.getMessage());
        assertEquals("imageSize 3 is out of range; allowed: 4 to 512 (the side of a square, in pixels)",
                reject(ExperimentConfig.builder().imageSize(3)).getMessage());
        assertEquals("channels 2 is out of range; allowed: 1 (grayscale) or 3 (RGB)",
                reject(ExperimentConfig.builder().channels(2)).getMessage());
        assertEquals("testFraction 1.0 is out of range; allowed: greater than 0 and less than 1 (e.g. 0.2 or 20%)",
                reject(ExperimentConfig.builder().testFraction(1)).getMessage());
        ExperimentConfig.Builder b = ExperimentConfig.builder();
        ConfigProperties.apply(b, "dataset", "Folder");
        ConfigProperties.apply(b, "dataDir", "images");
        ConfigProperties.apply(b, "imageSize", "64");
        ConfigProperties.apply(b, "channels", "1");
        ConfigProperties.apply(b, "testFraction", "25%");
        ExperimentConfig c = b.build();
        assertEquals("folder", c.dataset());
        assertEquals(64, c.imageSize());
        assertEquals(1, c.channels());
        assertEquals(0.25, c.testFraction(), 1e-12);
    }

    @Test
    void folderSettingsDecideTheFiguresOnlyForTheFolderDataset() {
        ExperimentConfig folder = ExperimentConfig.builder().dataset("folder").dataDir(java.nio.file.Path.of("img"))
                .imageSize(16).build();
        assertEquals(16, folder.comparableSettings().get("imageSize"));
        assertEquals(3, folder.comparableSettings().get("channels"));
        assertEquals(0.2, folder.comparableSettings().get("testFraction"));
        ExperimentConfig fashion = ExperimentConfig.builder().imageSize(16).build();
        assertFalse(fashion.comparableSettings().containsKey("imageSize"));
        assertFalse(fashion.comparableSettings().containsKey("channels"));
        assertFalse(fashion.comparableSettings().containsKey("testFraction"));
    }

    @Test
    void directoryNameIsFileSafe() {
        assertEquals("script-alert-1-script",
                ExperimentConfig.builder().name("<script>alert(1)</script>").build().directoryName());
    }
}

package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset=folder}: the user's images, one folder per class, read through DJL's ImageFolder. */
class FolderDatasetTest {
    /** The gray level of each class's images in {@link #classes}: a (label 0), b (1), c (2). */
    private static final int[] GRAY = {0, 255, 102};
    /** Resizing a uniform 8-bit image may move a pixel by one level. */
    private static final double ONE_LEVEL = 1.0 / 255 + 1e-6;

    @TempDir
    Path tmp;

    private static DataSplit load(Path dataDir, FolderSettings settings, int limit, long seed) {
        return Datasets.load(new DataRequest("folder", dataDir, null, false, limit, 0, seed, null, settings));
    }

    /** Classes a, b, c under {@code dir}, {@code perClass} uniform grayscale PNGs of 20x12 each. */
    private static Path classes(Path dir, int perClass) {
        String[] names = {"b", "a", "c"};
        int[] grays = {GRAY[1], GRAY[0], GRAY[2]};
        for (int c = 0; c < names.length; c++) {
            for (int i = 0; i < perClass; i++) {
                TestImages.gray(dir.resolve(names[c]).resolve(i + ".png"), 20, 12, grays[c]);
            }
        }
        return dir;
    }

    /** Every image's pixels are its class's gray level: labels and pixels stayed together. */
    private static void assertLabelsMatchPixels(ImageSet set) {
        int per = set.pixelsPerImage();
        for (int i = 0; i < set.size(); i++) {
            float want = GRAY[set.labels()[i]] / 255f;
            for (int p = 0; p < per; p++) {
                assertEquals(want, set.pixels()[i * per + p], ONE_LEVEL, "image " + i + " pixel " + p);
            }
        }
    }

    private static int count(ImageSet set, int label) {
        return (int) Arrays.stream(set.labels()).filter(l -> l == label).count();
    }

    @Test
    void trainAndTestDirectoriesAreReadAsGivenResizedAndLabelledBySortedFolderName() {
        classes(tmp.resolve("train"), 4);
        classes(tmp.resolve("test"), 2);

        DataSplit split = load(tmp, new FolderSettings(8, 1, 0.5), 0, 1);

        for (ImageSet set : new ImageSet[] {split.train(), split.test()}) {
            assertEquals(1, set.channels());
            assertEquals(8, set.height());
            assertEquals(8, set.width());
            assertEquals(3, set.classes());
            assertLabelsMatchPixels(set);
        }
        assertEquals(12, split.train().size());
        assertEquals(6, split.test().size(), "testFraction does not apply to a split given as train/ and test/");
        for (int label = 0; label < 3; label++) {
            assertEquals(4, count(split.train(), label));
            assertEquals(2, count(split.test(), label));
        }
        assertEquals(tmp.resolve("train").toString(), split.train().name());
    }

    @Test
    void colourImagesKeepTheirChannelsInChannelHeightWidthOrder() {
        TestImages.rgb(tmp.resolve("red").resolve("1.png"), 5, 5, 0xFF0000);
        TestImages.rgb(tmp.resolve("red").resolve("2.png"), 5, 5, 0xFF0000);
        TestImages.rgb(tmp.resolve("blue").resolve("1.png"), 5, 5, 0x0000FF);
        TestImages.rgb(tmp.resolve("blue").resolve("2.png"), 5, 5, 0x0000FF);

        DataSplit split = load(tmp, new FolderSettings(4, 3, 0.5), 0, 1);

        ImageSet train = split.train();
        assertEquals(2, train.size());
        assertEquals(3, train.channels());
        int plane = 4 * 4;
        for (int i = 0; i < train.size(); i++) {
            // classes are sorted by name: blue 0, red 1
            int lit = train.labels()[i] == 0 ? 2 : 0;
            for (int ch = 0; ch < 3; ch++) {
                float want = ch == lit ? 1f : 0f;
                for (int p = 0; p < plane; p++) {
                    assertEquals(want, train.pixels()[i * 3 * plane + ch * plane + p], ONE_LEVEL, "channel " + ch);
                }
            }
        }
    }

    @Test
    void classFoldersWithoutTrainAndTestAreSplitPerClassBySeed() {
        classes(tmp, 10);

        DataSplit split = load(tmp, new FolderSettings(4, 1, 0.2), 0, 7);
        DataSplit again = load(tmp, new FolderSettings(4, 1, 0.2), 0, 7);
        DataSplit otherSeed = load(tmp, new FolderSettings(4, 1, 0.2), 0, 8);

        assertEquals(24, split.train().size());
        assertEquals(6, split.test().size());
        for (int label = 0; label < 3; label++) {
            assertEquals(8, count(split.train(), label));
            assertEquals(2, count(split.test(), label));
        }
        assertLabelsMatchPixels(split.train());
        assertLabelsMatchPixels(split.test());
        assertArrayEquals(split.train().labels(), again.train().labels());
        assertArrayEquals(split.test().labels(), again.test().labels());
        assertFalse(Arrays.equals(split.train().labels(), otherSeed.train().labels()), "the seed decides the order");
    }

    @Test
    void aClassOfTwoImagesGivesOneToTestingWhateverTheFraction() {
        classes(tmp, 2);

        DataSplit split = load(tmp, new FolderSettings(4, 1, 0.01), 0, 1);

        assertEquals(3, split.train().size());
        assertEquals(3, split.test().size());
    }

    @Test
    void limitKeepsAMixOfClassesBecauseTheOrderIsShuffled() {
        classes(tmp.resolve("train"), 10);
        classes(tmp.resolve("test"), 1);

        DataSplit split = load(tmp, FolderSettings.DEFAULTS, 6, 3);

        assertEquals(6, split.train().size());
        Set<Integer> labels = new TreeSet<>();
        Arrays.stream(split.train().labels()).forEach(labels::add);
        assertTrue(labels.size() > 1, "the first 6 of a class-ordered listing would all be class 0: " + labels);
    }

    @Test
    void hiddenFilesAreSkipped() throws IOException {
        classes(tmp, 2);
        Files.writeString(tmp.resolve("a").resolve(".DS_Store"), "not an image");
        Files.writeString(tmp.resolve("notes.md"), "files beside the class folders are not read");

        assertEquals(3, load(tmp, new FolderSettings(4, 1, 0.5), 0, 1).train().size());
    }

    private DataException failure(Path dataDir) {
        return assertThrows(DataException.class, () -> load(dataDir, FolderSettings.DEFAULTS, 0, 1));
    }

    @Test
    void dataDirMustBeSetAndExist() {
        assertEquals("dataset folder reads images from dataDir, but dataDir is not set; set it to a directory with"
                + " one subdirectory of images per class", failure(null).getMessage());
        Path missing = tmp.resolve("nowhere");
        assertEquals("dataDir " + missing + " does not exist; dataset folder needs a directory with one"
                + " subdirectory of images per class", failure(missing).getMessage());
        Path file = TestImages.gray(tmp.resolve("one.png"), 2, 2, 0);
        assertEquals("dataDir " + file + " is not a directory; dataset folder needs a directory with one"
                + " subdirectory of images per class", failure(file).getMessage());
    }

    @Test
    void noClassFoldersOrOnlyOne() throws IOException {
        Files.writeString(tmp.resolve("readme.txt"), "x");
        assertEquals(tmp + " has no class folders; put each class's images in a subdirectory named after the"
                + " class, e.g. " + tmp.resolve("cat").resolve("1.png"), failure(tmp).getMessage());

        TestImages.gray(tmp.resolve("cat").resolve("1.png"), 2, 2, 0);
        assertEquals(tmp + " has 1 class folder (cat); a classifier needs at least 2 classes, one subdirectory each",
                failure(tmp).getMessage());
    }

    @Test
    void aClassWithoutImages() throws IOException {
        classes(tmp, 2);
        Files.createDirectories(tmp.resolve("d").resolve("nested"));

        assertEquals("class folder " + tmp.resolve("d") + " has no images; add .jpg, .jpeg, .png, .bmp, .wbmp, .gif"
                + " files directly in it or remove the folder", failure(tmp).getMessage());
    }

    @Test
    void aFileThatIsNotAnImage() throws IOException {
        classes(tmp, 2);
        Path notes = Files.writeString(tmp.resolve("b").resolve("notes.txt"), "x");

        assertEquals(notes + " is not an image; class folders may hold only .jpg, .jpeg, .png, .bmp, .wbmp, .gif"
                + " files (remove it or move it out of " + tmp + ")", failure(tmp).getMessage());
    }

    @Test
    void anImageThatCannotBeDecodedNamesItsClassFolderAndFile() throws IOException {
        classes(tmp, 2);
        Path broken = Files.writeString(tmp.resolve("c").resolve("broken.png"), "not a png");

        DataException e = failure(tmp);

        assertEquals("cannot read an image in class folder " + tmp.resolve("c") + ": Failed to read image from: "
                + broken + "; remove the file or replace it with a readable image", e.getMessage());
    }

    @Test
    void trainAndTestMustHaveTheSameClasses() {
        classes(tmp.resolve("train"), 1);
        classes(tmp.resolve("test"), 1);
        TestImages.gray(tmp.resolve("train").resolve("d").resolve("1.png"), 2, 2, 0);
        TestImages.gray(tmp.resolve("test").resolve("e").resolve("1.png"), 2, 2, 0);

        assertEquals("the class folders of " + tmp.resolve("train") + " and " + tmp.resolve("test")
                + " differ: only in train: d; only in test: e; both need the same class folders",
                failure(tmp).getMessage());
    }

    @Test
    void trainWithoutTest() {
        classes(tmp.resolve("train"), 1);

        assertEquals("dataDir " + tmp + " has a train directory but no test directory; give it both, with the same"
                + " class folders in each, or neither, with the class folders directly in dataDir (split by"
                + " testFraction)", failure(tmp).getMessage());
    }

    @Test
    void aSplitNeedsTwoImagesPerClass() {
        classes(tmp, 1);

        assertEquals("class folder " + tmp.resolve("a") + " has 1 image; splitting it into training and test images"
                + " by testFraction needs at least 2 per class (or give dataDir train and test directories)",
                failure(tmp).getMessage());
    }

    @Test
    void aSetTooLargeForOneArrayIsRefusedBeforeReading() throws IOException {
        // 3 x 512 x 512 floats per image: 2731 images pass 2^31
        Path one = TestImages.gray(tmp.resolve("one.png"), 1, 1, 0);
        Path dir = tmp.resolve("images");
        for (int i = 0; i < 2731; i++) {
            Path cls = dir.resolve(i % 2 == 0 ? "a" : "b");
            Files.createDirectories(cls);
            Files.copy(one, cls.resolve(i + ".png"));
        }

        DataException e = assertThrows(DataException.class, () -> load(dir, new FolderSettings(512, 3, 0.5), 0, 1));

        assertEquals(dir + " holds 2731 images; at 3x512x512 that is more than one in-memory set holds (2^31 floats);"
                + " lower imageSize or use fewer images", e.getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals("imageSize 3 is out of range; allowed: 4 to 512",
                assertThrows(IllegalArgumentException.class, () -> new FolderSettings(3, 1, 0.2)).getMessage());
        assertEquals("channels 2 is out of range; allowed: 1 (grayscale) or 3 (RGB)",
                assertThrows(IllegalArgumentException.class, () -> new FolderSettings(32, 2, 0.2)).getMessage());
        assertEquals("testFraction 1.0 is out of range; allowed: greater than 0 and less than 1",
                assertThrows(IllegalArgumentException.class, () -> new FolderSettings(32, 1, 1.0)).getMessage());
    }
}

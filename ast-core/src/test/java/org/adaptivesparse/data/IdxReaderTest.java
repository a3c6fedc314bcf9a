package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {true, false})
    void roundTrip(boolean gzip) throws IOException {
        byte[] pixels = {0, (byte) 255, 51, (byte) 128, 1, 2, 3, 4, 5, 6, 7, (byte) 254};
        byte[] img = TestFiles.idxImages(2051, 2, 2, 3, pixels);
        byte[] lab = TestFiles.idxLabels(2049, new byte[] {9, 0});
        // names deliberately do not say .gz: compression is detected from content
        Path images = TestFiles.write(dir.resolve("images.idx"), gzip ? TestFiles.gzip(img) : img);
        Path labels = TestFiles.write(dir.resolve("labels.idx"), gzip ? TestFiles.gzip(lab) : lab);

        ImageSet set = IdxReader.read("tiny", images, labels, 10);

        assertEquals("tiny", set.name());
        assertEquals(2, set.size());
        assertEquals(1, set.channels());
        assertEquals(2, set.height());
        assertEquals(3, set.width());
        assertEquals(10, set.classes());
        assertArrayEquals(new int[] {9, 0}, set.labels());
        float[] expected = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            expected[i] = (pixels[i] & 0xff) / 255f;
        }
        assertArrayEquals(expected, set.pixels());
        assertEquals(1f, set.pixels()[1]);
        assertEquals(0.2f, set.pixels()[2], 1e-6f);
    }

    @Test
    void wrongMagicNamesFileFoundAndExpected() throws IOException {
        Path images = TestFiles.write(dir.resolve("swapped-images.gz"),
                TestFiles.gzip(TestFiles.idxLabels(2049, new byte[] {1, 2})));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));

        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("wrong magic number 2049"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2051"), e.getMessage());
        assertTrue(e.getMessage().contains("label file"), e.getMessage());
    }

    @Test
    void wrongMagicOnLabels() throws IOException {
        Path labels = TestFiles.write(dir.resolve("not-labels"), new byte[] {'G', 'I', 'F', '8', 0, 0, 0, 0});

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(labels, 10));

        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("wrong magic number"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2049"), e.getMessage());
    }

    @Test
    void truncatedPixelDataSaysHowMuchWasExpectedAndFound() throws IOException {
        byte[] full = TestFiles.idxImages(2051, 3, 2, 3, new byte[18]);
        Path images = TestFiles.write(dir.resolve("short-images"), Arrays.copyOf(full, 16 + 10));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));

        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 18 bytes of pixel data"), e.getMessage());
        assertTrue(e.getMessage().contains("found 10"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsReportedAsTruncatedData() throws IOException {
        byte[] full = TestFiles.idxImages(2051, 200, 28, 28, TestFiles.pixels(200, 784));
        byte[] gz = TestFiles.gzip(full);
        Path images = TestFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));

        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 156800 bytes of pixel data"), e.getMessage());
    }

    @Test
    void truncatedHeader() throws IOException {
        Path images = TestFiles.write(dir.resolve("stub"), new byte[] {0, 0, 8, 3, 0, 0});

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));

        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void truncatedLabels() throws IOException {
        byte[] full = TestFiles.idxLabels(2049, new byte[] {1, 2, 3, 4, 5});
        Path labels = TestFiles.write(dir.resolve("short-labels"), Arrays.copyOf(full, full.length - 2));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(labels, 10));

        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected 5 bytes of label data, found 3"), e.getMessage());
    }

    @Test
    void countMismatchNamesBothFilesAndBothCounts() throws IOException {
        Path images = TestFiles.write(dir.resolve("three-images"),
                TestFiles.idxImages(2051, 3, 2, 2, new byte[12]));
        Path labels = TestFiles.write(dir.resolve("two-labels"), TestFiles.idxLabels(2049, new byte[] {1, 2}));

        DataException e = assertThrows(DataException.class, () -> IdxReader.read("x", images, labels, 10));

        String m = e.getMessage();
        assertTrue(m.contains(images.toString()) && m.contains(labels.toString()), m);
        assertTrue(m.contains("3 images") && m.contains("2 labels"), m);
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(2049, new byte[] {0, 9, 10}));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(labels, 10));

        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("label 10 at index 2"), e.getMessage());
        assertTrue(e.getMessage().contains("0 to 9"), e.getMessage());
    }

    @Test
    void missingFile() {
        Path images = dir.resolve("nope.gz");

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));

        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}

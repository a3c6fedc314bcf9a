package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
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
    void truncatedGzipSaysHowMuchOfThePixelDataArrived() throws IOException {
        byte[] full = TestFiles.idxImages(2051, 200, 28, 28, TestFiles.pixels(200, 784));
        byte[] gz = TestFiles.gzip(full);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        Path images = TestFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), cut);
        int arrived = gunzippedBytes(cut) - 16;

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));

        assertTrue(arrived > 156800 / 4 && arrived < 156800 * 3 / 4, "half the file holds about half the pixels: " + arrived);
        assertEquals(images + ": file is truncated: expected 156800 bytes of pixel data (200 images of 28x28), found "
                + arrived, e.getMessage());
    }

    @Test
    void truncatedGzipSaysHowManyLabelsArrived() throws IOException {
        byte[] labels = new byte[60000];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) r.nextInt(10);
        }
        byte[] gz = TestFiles.gzip(TestFiles.idxLabels(2049, labels));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        Path file = TestFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), cut);
        int arrived = gunzippedBytes(cut) - 8;

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(file, 10));

        assertTrue(arrived > 0, "some labels arrived: " + arrived);
        assertEquals(file + ": file is truncated: expected 60000 bytes of label data, found " + arrived, e.getMessage());
    }

    /** How many bytes a gzip stream cut short yields before it ends, read without any buffer in between. */
    private static int gunzippedBytes(byte[] gz) throws IOException {
        int n = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] buf = new byte[4096];
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
            }
        } catch (EOFException end) {
            // the cut
        }
        return n;
    }

    @Test
    void plainTextNamedGzIsNotAGzipFile() throws IOException {
        byte[] html = "<html><body>404 Not Found</body></html>\n".getBytes(StandardCharsets.US_ASCII);
        Path images = TestFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), html);
        Path labels = TestFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), html);

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));
        DataException l = assertThrows(DataException.class, () -> IdxReader.readLabels(labels, 10));

        assertEquals(images + ": not a gzip file: it is named .gz but does not start with the gzip magic bytes 1f 8b",
                e.getMessage());
        assertEquals(labels + ": not a gzip file: it is named .gz but does not start with the gzip magic bytes 1f 8b",
                l.getMessage());
    }

    @Test
    void plainIdxNamedGzIsStillReadSinceCompressionIsDetectedFromTheContent() throws IOException {
        Path labels = TestFiles.write(dir.resolve("labels.gz"), TestFiles.idxLabels(2049, new byte[] {4, 2}));

        assertArrayEquals(new int[] {4, 2}, IdxReader.readLabels(labels, 10));
    }

    @Test
    void gzipCutInsideItsHeader() throws IOException {
        Path images = TestFiles.write(dir.resolve("images.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(images));

        assertEquals(images + ": file is truncated: it ends inside its gzip header", e.getMessage());
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

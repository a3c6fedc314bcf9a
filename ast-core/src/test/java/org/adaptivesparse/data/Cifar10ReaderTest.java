package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
    private static final int RECORDS = 4;

    @TempDir
    Path dir;

    @Test
    void readsBatchesDirectoryAndItsParent() throws IOException {
        Path batches = TestFiles.writeCifarDir(dir, TestFiles.cifarBatches(RECORDS));

        DataSplit fromParent = Cifar10Reader.read(dir);
        DataSplit fromItself = Cifar10Reader.read(batches);

        assertCifar(fromParent);
        assertArrayEquals(fromParent.train().pixels(), fromItself.train().pixels());
        assertArrayEquals(fromParent.test().labels(), fromItself.test().labels());
    }

    @Test
    void readsTarGzArchive() throws IOException {
        Path archive = TestFiles.write(dir.resolve(Cifar10Reader.ARCHIVE),
                TestFiles.cifarTarGz(TestFiles.cifarBatches(RECORDS)));

        assertCifar(Cifar10Reader.read(archive));
    }

    @Test
    void readsArchiveMadeByGnuTar() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        TestFiles.writeCifarDir(src, TestFiles.cifarBatches(RECORDS));
        Path archive = dir.resolve(Cifar10Reader.ARCHIVE);
        Process p;
        try {
            p = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", src.toString(), "cifar-10-batches-bin")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no tar command: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "tar failed");

        assertCifar(Cifar10Reader.read(archive));
    }

    /** Checks sizes, shape, labels and the R, G and B planes against the generator in TestFiles. */
    private static void assertCifar(DataSplit split) {
        ImageSet train = split.train();
        ImageSet test = split.test();
        assertEquals(5 * RECORDS, train.size());
        assertEquals(RECORDS, test.size());
        assertEquals(3, train.channels());
        assertEquals(32, train.height());
        assertEquals(32, train.width());
        assertEquals(10, train.classes());
        // record r of data_batch_b sits at index (b - 1) * RECORDS + r
        int batch = 3;
        int r = 2;
        int i = (batch - 1) * RECORDS + r;
        assertEquals((batch + r) % 10, train.labels()[i]);
        for (int plane : new int[] {0, 1024, 2048}) {
            int pix = plane + 33; // row 1, column 1 of the plane
            assertEquals(((batch * 17 + r * 5 + pix) % 256) / 255f, train.pixels()[i * 3072 + pix], 1e-7f);
        }
        assertEquals((6 + 1) % 10, test.labels()[1]);
        assertEquals(((6 * 17 + 5 + 3071) % 256) / 255f, test.pixels()[3072 + 3071], 1e-7f);
        for (float v : train.pixels()) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void truncatedBatchNamesFileAndRecordSize() throws IOException {
        Map<String, byte[]> batches = new HashMap<>(TestFiles.cifarBatches(RECORDS));
        byte[] b3 = batches.get("data_batch_3.bin");
        batches.put("data_batch_3.bin", Arrays.copyOf(b3, b3.length - 100));
        TestFiles.writeCifarDir(dir, batches);

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(dir));

        String m = e.getMessage();
        assertTrue(m.contains(dir.resolve("cifar-10-batches-bin").resolve("data_batch_3.bin").toString()), m);
        assertTrue(m.contains("truncated") && m.contains("3073"), m);
    }

    @Test
    void labelOutOfRangeNamesFileAndRecord() throws IOException {
        Map<String, byte[]> batches = new HashMap<>(TestFiles.cifarBatches(RECORDS));
        batches.get("test_batch.bin")[2 * 3073] = 10;
        TestFiles.writeCifarDir(dir, batches);

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(dir));

        String m = e.getMessage();
        assertTrue(m.contains("test_batch.bin"), m);
        assertTrue(m.contains("record 2 has label 10"), m);
    }

    @Test
    void missingBatchFileIsNamed() throws IOException {
        Map<String, byte[]> batches = new HashMap<>(TestFiles.cifarBatches(RECORDS));
        batches.remove("data_batch_4.bin");
        TestFiles.writeCifarDir(dir, batches);

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(dir));

        assertTrue(e.getMessage().contains("data_batch_4.bin") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void corruptedArchiveEntryNamesArchiveAndEntry() throws IOException {
        Map<String, byte[]> batches = new HashMap<>(TestFiles.cifarBatches(RECORDS));
        batches.put("data_batch_2.bin", Arrays.copyOf(batches.get("data_batch_2.bin"), 3073 * 2 + 7));
        Path archive = TestFiles.write(dir.resolve(Cifar10Reader.ARCHIVE), TestFiles.cifarTarGz(batches));

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(archive));

        String m = e.getMessage();
        assertTrue(m.contains(archive + "!cifar-10-batches-bin/data_batch_2.bin"), m);
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void archiveMissingBatch() throws IOException {
        Map<String, byte[]> batches = new HashMap<>(TestFiles.cifarBatches(RECORDS));
        batches.remove("test_batch.bin");
        Path archive = TestFiles.write(dir.resolve(Cifar10Reader.ARCHIVE), TestFiles.cifarTarGz(batches));

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(archive));

        assertTrue(e.getMessage().contains(archive.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("test_batch.bin is missing"), e.getMessage());
    }

    @Test
    void truncatedArchiveFile() throws IOException {
        byte[] gz = TestFiles.cifarTarGz(TestFiles.cifarBatches(RECORDS));
        Path archive = TestFiles.write(dir.resolve(Cifar10Reader.ARCHIVE), Arrays.copyOf(gz, gz.length / 2));

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(archive));

        assertTrue(e.getMessage().contains(archive.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void archiveThatIsNotGzipSaysSo() throws IOException {
        Path archive = TestFiles.write(dir.resolve(Cifar10Reader.ARCHIVE),
                "<html>moved</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(archive));

        assertEquals(archive + ": not a gzip file: a CIFAR-10 archive is a .tar.gz, which starts with the gzip magic"
                + " bytes 1f 8b", e.getMessage());
    }

    @Test
    void nonexistentSource() {
        Path nowhere = dir.resolve("nowhere");

        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(nowhere));

        assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("does not exist"));
    }
}

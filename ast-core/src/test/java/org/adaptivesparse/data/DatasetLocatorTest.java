package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order (dataDir, cache, system directory, download) and what each failure says. */
class DatasetLocatorTest {
    @TempDir
    Path tmp;

    private LoopbackServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Serves {@code files} on loopback; returns the base URL. */
    private String serve(Map<String, byte[]> files) throws IOException {
        server = new LoopbackServer(files);
        return server.baseUrl();
    }

    private Path emptySystemDir() throws IOException {
        return Files.createDirectories(tmp.resolve("usr-share-datasets"));
    }

    private DatasetLocator offline() throws IOException {
        return locator(DatasetCatalog.sha256(), null, emptySystemDir());
    }

    private static DatasetLocator locator(Map<String, String> sha256, String baseUrl, Path systemDir) {
        return new DatasetLocator(new VerifiedDownload(sha256), baseUrl, systemDir);
    }

    private static DatasetDescription fashion() {
        return DatasetCatalog.description("fashion-mnist").orElseThrow();
    }

    private static DatasetDescription cifar() {
        return DatasetCatalog.description("cifar10").orElseThrow();
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    // ---- resolution order ----------------------------------------------------------------------

    @Test
    void explicitDataDirWinsOverCache() throws IOException {
        Path dataDir = TestFiles.writeFashion(tmp.resolve("mine"), 5, 3);
        Path cache = tmp.resolve("cache");
        TestFiles.writeFashion(cache.resolve("fashion-mnist"), 7, 4);

        DataSplit split = offline().locate(fashion(), dataDir, cache, false);

        assertEquals(5, split.train().size());
        assertEquals(3, split.test().size());
        assertEquals(28, split.train().height());
        assertEquals(List.of(0, 1, 2, 3, 4), java.util.Arrays.stream(split.train().labels()).boxed().toList());
    }

    @Test
    void explicitDataDirThatDoesNotExistIsAnErrorEvenWithAFullCache() throws IOException {
        Path cache = tmp.resolve("cache");
        TestFiles.writeFashion(cache.resolve("fashion-mnist"), 7, 4);
        Path missing = tmp.resolve("typo");

        DataException e = assertThrows(DataException.class,
                () -> offline().locate(fashion(), missing, cache, true));

        assertTrue(e.getMessage().contains("dataDir " + missing), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void explicitDataDirMissingAFileNamesDirAndFile() throws IOException {
        Path dataDir = TestFiles.writeFashion(tmp.resolve("mine"), 5, 3);
        Files.delete(dataDir.resolve("t10k-labels-idx1-ubyte.gz"));
        Path cache = tmp.resolve("cache");
        TestFiles.writeFashion(cache.resolve("fashion-mnist"), 7, 4);

        DataException e = assertThrows(DataException.class,
                () -> offline().locate(fashion(), dataDir, cache, false));

        assertTrue(e.getMessage().contains(dataDir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("missing t10k-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void cacheIsUsedWhenNoDataDirIsGiven() throws IOException {
        Path cache = tmp.resolve("cache");
        TestFiles.writeFashion(cache.resolve("fashion-mnist"), 7, 4);
        Path system = emptySystemDir();
        TestFiles.writeFashion(system.resolve("fashion-mnist"), 9, 9);

        DataSplit split = locator(DatasetCatalog.sha256(), null, system).locate(fashion(), null, cache, false);

        assertEquals(7, split.train().size());
        assertEquals(4, split.test().size());
    }

    @Test
    void uncompressedFilesAreAcceptedToo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cache").resolve("fashion-mnist"));
        for (Map.Entry<String, byte[]> e : TestFiles.fashionFiles(3, 2).entrySet()) {
            String plain = e.getKey().replace(".gz", "");
            Files.write(dir.resolve(plain), new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(e.getValue())).readAllBytes());
        }

        DataSplit split = offline().locate(fashion(), null, tmp.resolve("cache"), false);

        assertEquals(3, split.train().size());
    }

    @Test
    void systemDirectoryIsUsedWhenCacheIsEmpty() throws IOException {
        Path system = emptySystemDir();
        TestFiles.writeFashion(system.resolve("fashion-mnist"), 9, 8);

        DataSplit split = locator(DatasetCatalog.sha256(), null, system).locate(fashion(), null, tmp.resolve("cache"), false);

        assertEquals(9, split.train().size());
        assertEquals(8, split.test().size());
    }

    @Test
    void corruptCachedFileIsNamedWithARecoveryHint() throws IOException {
        Path cached = TestFiles.writeFashion(tmp.resolve("cache").resolve("fashion-mnist"), 7, 4);
        Path labels = cached.resolve("train-labels-idx1-ubyte.gz");
        Files.write(labels, TestFiles.gzip(TestFiles.idxLabels(2049, new byte[6])));

        DataException e = assertThrows(DataException.class,
                () -> offline().locate(fashion(), null, tmp.resolve("cache"), false));

        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("7 images") && e.getMessage().contains("6 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
    }

    @Test
    void allOptionsFailingListsAllFourWhenDownloadIsDisabled() throws IOException {
        Path cache = tmp.resolve("cache");
        Path system = emptySystemDir();

        DataException e = assertThrows(DataException.class,
                () -> locator(DatasetCatalog.sha256(), null, system).locate(fashion(), null, cache, false));

        String m = e.getMessage();
        assertTrue(m.contains("dataDir"), m);
        assertTrue(m.contains(cache.resolve("fashion-mnist").toString()), m);
        assertTrue(m.contains(system.resolve("fashion-mnist").toString()), m);
        assertTrue(m.contains("apt-get install dataset-fashion-mnist"), m);
        assertTrue(m.contains(FashionMnist.BASE_URL), m);
        assertTrue(m.contains("allowDownload is false"), m);
        assertEquals(List.of(), names(cache.resolve("fashion-mnist")));
    }

    @Test
    void allOptionsFailingGivesTheDownloadFailureReason() throws IOException {
        String base = serve(Map.of());
        Path cache = tmp.resolve("cache");

        DataException e = assertThrows(DataException.class,
                () -> locator(DatasetCatalog.sha256(), base, emptySystemDir()).locate(fashion(), null, cache, true));

        String m = e.getMessage();
        assertTrue(m.contains("dataDir") && m.contains(cache.resolve("fashion-mnist").toString()), m);
        assertTrue(m.contains("apt-get install dataset-fashion-mnist"), m);
        assertTrue(m.contains(base + "train-images-idx3-ubyte.gz"), m);
        assertTrue(m.contains("HTTP 404"), m);
        assertEquals(List.of(), names(cache.resolve("fashion-mnist")), "no partial file is left");
    }

    // ---- downloads -----------------------------------------------------------------------------

    @Test
    void downloadWithMatchingHashesLandsInCache() throws IOException {
        Map<String, byte[]> files = TestFiles.fashionFiles(11, 5);
        Map<String, String> hashes = new HashMap<>();
        files.forEach((k, v) -> hashes.put(k, TestFiles.sha256(v)));
        String base = serve(files);
        Path cache = tmp.resolve("cache");

        DataSplit split = locator(hashes, base, emptySystemDir()).locate(fashion(), null, cache, true);

        assertEquals(11, split.train().size());
        assertEquals(5, split.test().size());
        assertEquals(fashion().files().stream().sorted().toList(), names(cache.resolve("fashion-mnist")));
        assertEquals(4, server.requests());

        // a second load is served from the cache, not the network
        DataSplit again = locator(hashes, base, emptySystemDir()).locate(fashion(), null, cache, true);
        assertEquals(11, again.train().size());
        assertEquals(4, server.requests());
    }

    @Test
    void cifarDownloadOfArchiveOnLoopback() throws IOException {
        byte[] archive = TestFiles.cifarTarGz(TestFiles.cifarBatches(3));
        String base = serve(Map.of(Cifar10Reader.ARCHIVE, archive));
        Path cache = tmp.resolve("cache");

        DataSplit split = locator(Map.of(Cifar10Reader.ARCHIVE, TestFiles.sha256(archive)), base, emptySystemDir())
                .locate(cifar(), null, cache, true);

        assertEquals(15, split.train().size());
        assertEquals(3, split.test().size());
        assertEquals(3, split.train().channels());
        assertEquals(List.of(Cifar10Reader.ARCHIVE), names(cache.resolve("cifar10")));
    }

    @Test
    void cifarResolutionOrderAndMessages() throws IOException {
        Path cache = tmp.resolve("cache");
        TestFiles.writeCifarDir(cache.resolve("cifar10"), TestFiles.cifarBatches(2));
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        TestFiles.writeCifarDir(mine, TestFiles.cifarBatches(1));
        DatasetLocator datasets = offline();

        assertEquals(5, datasets.locate(cifar(), mine, cache, false).train().size());
        assertEquals(10, datasets.locate(cifar(), null, cache, false).train().size());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DataException explicit = assertThrows(DataException.class,
                () -> datasets.locate(cifar(), empty, cache, false));
        assertTrue(explicit.getMessage().contains("dataDir " + empty), explicit.getMessage());

        Path otherCache = tmp.resolve("cache2");
        DataException none = assertThrows(DataException.class,
                () -> datasets.locate(cifar(), null, otherCache, false));
        String m = none.getMessage();
        assertTrue(m.contains("dataDir") && m.contains(otherCache.resolve("cifar10").toString()), m);
        assertTrue(m.contains(Cifar10.BASE_URL + Cifar10Reader.ARCHIVE), m);
        assertTrue(m.contains("allowDownload is false"), m);
    }
}

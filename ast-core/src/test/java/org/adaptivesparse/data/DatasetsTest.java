package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adaptivesparse.config.ExperimentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code files} under /mirror/ on loopback; anything else is a 404. Returns the base URL. */
    private String serve(Map<String, byte[]> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.startsWith("/mirror/") ? files.get(path.substring("/mirror/".length())) : null;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/";
    }

    private Path emptySystemDir() throws IOException {
        return Files.createDirectories(tmp.resolve("usr-share-datasets"));
    }

    private Datasets offline() throws IOException {
        return new Datasets(Datasets.KNOWN_SHA256, null, emptySystemDir());
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

        DataSplit split = offline().resolve("fashion-mnist", dataDir, cache, false, 0, 0, 1);

        assertEquals(5, split.train().size());
        assertEquals(3, split.test().size());
        assertEquals(28, split.train().height());
        assertEquals(List.of(0, 1, 2, 3, 4), java.util.Arrays.stream(split.train().labels()).boxed().toList());
    }

    @Test
    void explicitDataDirMayHoldADatasetSubdirectory() throws IOException {
        TestFiles.writeFashion(tmp.resolve("datasets").resolve("fashion-mnist"), 6, 2);

        DataSplit split = offline().resolve("Fashion-MNIST", tmp.resolve("datasets"), tmp.resolve("cache"), false, 0, 0,
                1);

        assertEquals(6, split.train().size());
    }

    @Test
    void explicitDataDirThatDoesNotExistIsAnErrorEvenWithAFullCache() throws IOException {
        Path cache = tmp.resolve("cache");
        TestFiles.writeFashion(cache.resolve("fashion-mnist"), 7, 4);
        Path missing = tmp.resolve("typo");

        DataException e = assertThrows(DataException.class,
                () -> offline().resolve("fashion-mnist", missing, cache, true, 0, 0, 1));

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
                () -> offline().resolve("fashion-mnist", dataDir, cache, false, 0, 0, 1));

        assertTrue(e.getMessage().contains(dataDir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("missing t10k-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void cacheIsUsedWhenNoDataDirIsGiven() throws IOException {
        Path cache = tmp.resolve("cache");
        TestFiles.writeFashion(cache.resolve("fashion-mnist"), 7, 4);
        Path system = emptySystemDir();
        TestFiles.writeFashion(system.resolve("fashion-mnist"), 9, 9);

        DataSplit split = new Datasets(Datasets.KNOWN_SHA256, null, system).resolve("fashion-mnist", null, cache, false,
                0, 0, 1);

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

        DataSplit split = offline().resolve("fashion-mnist", null, tmp.resolve("cache"), false, 0, 0, 1);

        assertEquals(3, split.train().size());
    }

    @Test
    void systemDirectoryIsUsedWhenCacheIsEmpty() throws IOException {
        Path system = emptySystemDir();
        TestFiles.writeFashion(system.resolve("fashion-mnist"), 9, 8);

        DataSplit split = new Datasets(Datasets.KNOWN_SHA256, null, system).resolve("fashion-mnist", null,
                tmp.resolve("cache"), false, 0, 0, 1);

        assertEquals(9, split.train().size());
        assertEquals(8, split.test().size());
    }

    @Test
    void corruptCachedFileIsNamedWithARecoveryHint() throws IOException {
        Path cached = TestFiles.writeFashion(tmp.resolve("cache").resolve("fashion-mnist"), 7, 4);
        Path labels = cached.resolve("train-labels-idx1-ubyte.gz");
        Files.write(labels, TestFiles.gzip(TestFiles.idxLabels(2049, new byte[6])));

        DataException e = assertThrows(DataException.class,
                () -> offline().resolve("fashion-mnist", null, tmp.resolve("cache"), false, 0, 0, 1));

        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("7 images") && e.getMessage().contains("6 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
    }

    @Test
    void allOptionsFailingListsAllFourWhenDownloadIsDisabled() throws IOException {
        Path cache = tmp.resolve("cache");
        Path system = emptySystemDir();

        DataException e = assertThrows(DataException.class,
                () -> new Datasets(Datasets.KNOWN_SHA256, null, system).resolve("fashion-mnist", null, cache, false, 0,
                        0, 1));

        String m = e.getMessage();
        assertTrue(m.contains("dataDir"), m);
        assertTrue(m.contains(cache.resolve("fashion-mnist").toString()), m);
        assertTrue(m.contains(system.resolve("fashion-mnist").toString()), m);
        assertTrue(m.contains("apt-get install dataset-fashion-mnist"), m);
        assertTrue(m.contains(Datasets.FASHION_MNIST_BASE_URL), m);
        assertTrue(m.contains("allowDownload is false"), m);
        assertEquals(List.of(), names(cache.resolve("fashion-mnist")));
    }

    @Test
    void allOptionsFailingGivesTheDownloadFailureReason() throws IOException {
        String base = serve(Map.of());
        Path cache = tmp.resolve("cache");

        DataException e = assertThrows(DataException.class,
                () -> new Datasets(Datasets.KNOWN_SHA256, base, emptySystemDir()).resolve("fashion-mnist", null, cache,
                        true, 0, 0, 1));

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

        DataSplit split = new Datasets(hashes, base, emptySystemDir()).resolve("fashion-mnist", null, cache, true, 0, 0,
                1);

        assertEquals(11, split.train().size());
        assertEquals(5, split.test().size());
        assertEquals(Datasets.FASHION_MNIST_FILES.stream().sorted().toList(), names(cache.resolve("fashion-mnist")));
        assertEquals(4, requests.get());

        // a second load is served from the cache, not the network
        DataSplit again = new Datasets(hashes, base, emptySystemDir()).resolve("fashion-mnist", null, cache, true, 0, 0,
                1);
        assertEquals(11, again.train().size());
        assertEquals(4, requests.get());
    }

    @Test
    void downloadWithWrongHashIsRejectedAndLeavesNothing() throws IOException {
        Map<String, byte[]> files = TestFiles.fashionFiles(11, 5);
        Map<String, String> hashes = new HashMap<>();
        files.forEach((k, v) -> hashes.put(k, TestFiles.sha256(v)));
        String wrong = "0".repeat(64);
        hashes.put("train-images-idx3-ubyte.gz", wrong);
        String base = serve(files);
        Path cache = tmp.resolve("cache");

        DataException e = assertThrows(DataException.class,
                () -> new Datasets(hashes, base, emptySystemDir()).resolve("fashion-mnist", null, cache, true, 0, 0,
                        1));

        String m = e.getMessage();
        assertTrue(m.contains("SHA-256 " + TestFiles.sha256(files.get("train-images-idx3-ubyte.gz"))), m);
        assertTrue(m.contains("must have SHA-256 " + wrong), m);
        assertTrue(m.contains("discarded"), m);
        assertEquals(List.of(), names(cache.resolve("fashion-mnist")), "neither the file nor a temporary copy remains");
    }

    @Test
    void fileWithoutAKnownHashIsNotDownloaded() throws IOException {
        String base = serve(TestFiles.fashionFiles(2, 2));
        Path cache = tmp.resolve("cache");

        DataException e = assertThrows(DataException.class,
                () -> new Datasets(Map.of(), base, emptySystemDir()).resolve("fashion-mnist", null, cache, true, 0, 0,
                        1));

        assertTrue(e.getMessage().contains("no SHA-256 is known"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void cifarDownloadOfArchiveOnLoopback() throws IOException {
        byte[] archive = TestFiles.cifarTarGz(TestFiles.cifarBatches(3));
        String base = serve(Map.of(Cifar10Reader.ARCHIVE, archive));
        Path cache = tmp.resolve("cache");

        DataSplit split = new Datasets(Map.of(Cifar10Reader.ARCHIVE, TestFiles.sha256(archive)), base, emptySystemDir())
                .resolve("cifar10", null, cache, true, 0, 0, 1);

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
        Datasets datasets = offline();

        assertEquals(5, datasets.resolve("cifar10", mine, cache, false, 0, 0, 1).train().size());
        assertEquals(10, datasets.resolve("cifar10", null, cache, false, 0, 0, 1).train().size());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DataException explicit = assertThrows(DataException.class,
                () -> datasets.resolve("cifar10", empty, cache, false, 0, 0, 1));
        assertTrue(explicit.getMessage().contains("dataDir " + empty), explicit.getMessage());

        Path otherCache = tmp.resolve("cache2");
        DataException none = assertThrows(DataException.class,
                () -> datasets.resolve("cifar10", null, otherCache, false, 0, 0, 1));
        String m = none.getMessage();
        assertTrue(m.contains("dataDir") && m.contains(otherCache.resolve("cifar10").toString()), m);
        assertTrue(m.contains(Datasets.CIFAR10_BASE_URL + Cifar10Reader.ARCHIVE), m);
        assertTrue(m.contains("allowDownload is false"), m);
    }

    // ---- limits, synthetic, config -------------------------------------------------------------

    @Test
    void limitsKeepTheFirstSamples() throws IOException {
        Path dataDir = TestFiles.writeFashion(tmp.resolve("mine"), 20, 10);

        DataSplit split = offline().resolve("fashion-mnist", dataDir, tmp.resolve("cache"), false, 6, 4, 1);

        assertEquals(6, split.train().size());
        assertEquals(4, split.test().size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), java.util.Arrays.stream(split.train().labels()).boxed().toList());
        assertEquals(6 * 784, split.train().pixels().length);
    }

    @Test
    void syntheticNeedsNoFiles() {
        DataSplit split = Datasets.load("synthetic", null, null, false, 100, 30, 3);

        assertEquals(100, split.train().size());
        assertEquals(30, split.test().size());
    }

    @Test
    void unknownDataset() {
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load("mnist", null, tmp, false, 0, 0, 1));

        assertTrue(e.getMessage().contains("'mnist'") && e.getMessage().contains("fashion-mnist, cifar10, synthetic"));
    }

    @Test
    void configWithSupplierAppliesLimits() {
        ExperimentConfig cfg = ExperimentConfig.builder()
                .dataSupplier(() -> SyntheticImages.generate(50, 40, 1))
                .limit(10).testLimit(5).build();

        DataSplit split = Datasets.load(cfg);

        assertEquals(10, split.train().size());
        assertEquals(5, split.test().size());
    }

    @Test
    void configWithNamedDataset() {
        ExperimentConfig cfg = ExperimentConfig.builder().dataset("synthetic").limit(64).testLimit(16).seed(11).build();

        DataSplit split = Datasets.load(cfg);

        assertEquals(64, split.train().size());
        assertEquals(16, split.test().size());
        assertEquals(java.util.Arrays.toString(SyntheticImages.generate(64, 16, 11).train().labels()),
                java.util.Arrays.toString(split.train().labels()));
    }

    // ---- the real dataset, where installed -----------------------------------------------------

    @Test
    void realFashionMnistFromDebianPackage() throws IOException {
        Path system = Datasets.SYSTEM_DATASETS.resolve("fashion-mnist");
        Assumptions.assumeTrue(Datasets.FASHION_MNIST_FILES.stream().allMatch(f -> Files.isRegularFile(system.resolve(f))),
                "package dataset-fashion-mnist is not installed");

        DataSplit split = new Datasets(Datasets.KNOWN_SHA256, null, Datasets.SYSTEM_DATASETS).resolve("fashion-mnist",
                null, tmp.resolve("empty-cache"), false, 0, 0, 1);

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
    }
}

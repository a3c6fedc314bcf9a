package org.adaptivesparse.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;

/**
 * Finds, verifies and loads the named datasets.
 *
 * <p>Fashion-MNIST and CIFAR-10 are looked for in this order, and the first complete copy wins:
 * <ol>
 *   <li>the {@code dataDir} option, when set: it must hold the dataset, or loading fails naming
 *       it (a wrong path is never silently replaced by another copy);</li>
 *   <li>the user cache, {@code cacheDir/<dataset>};</li>
 *   <li>the system directory {@code /usr/share/datasets/<dataset>}, where Debian's
 *       {@code dataset-fashion-mnist} package installs Fashion-MNIST;</li>
 *   <li>a download from the canonical URL into the cache, when {@code allowDownload} is true. Each
 *       file is written to a temporary file, checked against its known SHA-256, and only then
 *       moved into place, so the cache never holds a partial or unverified file.</li>
 * </ol>
 * When all four fail, the {@link DataException} lists each option and why it did not serve.
 *
 * <p>The download base URL can be replaced, for a mirror, with the system property
 * {@value #BASE_URL_PROPERTY}; the mirror must serve the same file names as the originals.
 */
public final class Datasets {
    /** Dataset name of Fashion-MNIST. */
    public static final String FASHION_MNIST = "fashion-mnist";
    /** Dataset name of CIFAR-10. */
    public static final String CIFAR10 = "cifar10";
    /** Dataset name of {@link SyntheticImages}. */
    public static final String SYNTHETIC = "synthetic";

    /** System property replacing the download base URL of every dataset (a mirror). */
    public static final String BASE_URL_PROPERTY = "ast.datasets.baseUrl";
    /** Where Fashion-MNIST's files are published. */
    public static final String FASHION_MNIST_BASE_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    /** Where the binary CIFAR-10 archive is published. */
    public static final String CIFAR10_BASE_URL = "https://www.cs.toronto.edu/~kriz/";
    /** Where Debian installs dataset packages. */
    public static final Path SYSTEM_DATASETS = Path.of("/usr/share/datasets");
    /** The Debian package providing Fashion-MNIST under {@link #SYSTEM_DATASETS}. */
    public static final String FASHION_MNIST_PACKAGE = "dataset-fashion-mnist";

    /** Fashion-MNIST's four files: training images and labels, test images and labels. */
    public static final List<String> FASHION_MNIST_FILES = List.of("train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /**
     * SHA-256 of each file as served at its canonical URL. The Fashion-MNIST values match the
     * published MD5 sums used by torchvision; Debian's repacked copies differ (their gzip headers
     * omit the file name), which is why files found on disk are parsed, not hashed.
     */
    static final Map<String, String> KNOWN_SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
            Cifar10Reader.ARCHIVE, "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd");

    private static final int FASHION_CLASSES = 10;
    private static final System.Logger LOG = System.getLogger(Datasets.class.getName());

    private final Map<String, String> sha256;
    private final String baseUrl;
    private final Path systemDir;
    private HttpClient http;

    /**
     * @param sha256    expected SHA-256 per file name; a file without an entry is never downloaded
     * @param baseUrl   download base URL for every dataset, or null for the canonical ones
     * @param systemDir where system packages install datasets ({@link #SYSTEM_DATASETS})
     */
    Datasets(Map<String, String> sha256, String baseUrl, Path systemDir) {
        this.sha256 = Map.copyOf(sha256);
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.systemDir = Objects.requireNonNull(systemDir, "systemDir");
    }

    /**
     * Loads a named dataset.
     *
     * @param dataset       {@code fashion-mnist}, {@code cifar10} or {@code synthetic} (case ignored)
     * @param dataDir       a directory holding the dataset, directly or in a {@code <dataset>}
     *                      subdirectory (for CIFAR-10 also the archive file itself), or null to
     *                      search the usual places
     * @param cacheDir      the user cache; the dataset is looked for, and downloaded to,
     *                      {@code cacheDir/<dataset>}
     * @param allowDownload whether the last resort, a verified download, may be used
     * @param limit         training samples kept, the first ones (0 = all; for {@code synthetic},
     *                      the number generated, 0 = {@link SyntheticImages#DEFAULT_TRAIN})
     * @param testLimit     test samples kept likewise
     * @param seed          seed of the synthetic data; the real datasets ignore it
     * @throws DataException when the dataset cannot be found, fetched, verified or read
     */
    public static DataSplit load(String dataset, Path dataDir, Path cacheDir, boolean allowDownload, int limit,
            int testLimit, long seed) {
        return new Datasets(KNOWN_SHA256, System.getProperty(BASE_URL_PROPERTY), SYSTEM_DATASETS)
                .resolve(dataset, dataDir, cacheDir, allowDownload, limit, testLimit, seed);
    }

    /**
     * Loads the data of an experiment: its {@link ExperimentConfig#dataSupplier()} when set, else
     * its named dataset; then applies its {@code limit} and {@code testLimit}.
     *
     * @throws DataException when the dataset cannot be found, fetched, verified or read, or the
     *                       supplier returns null
     */
    public static DataSplit load(ExperimentConfig cfg) {
        Supplier<DataSplit> supplier = cfg.dataSupplier();
        if (supplier != null) {
            DataSplit split = supplier.get();
            if (split == null) {
                throw new DataException("the experiment's dataSupplier returned null instead of a DataSplit");
            }
            return split.limit(cfg.limit(), cfg.testLimit());
        }
        return load(cfg.dataset(), cfg.dataDir(), cfg.cacheDir(), cfg.allowDownload(), cfg.limit(), cfg.testLimit(),
                cfg.seed());
    }

    /** {@link #load(String, Path, Path, boolean, int, int, long)} with this instance's hashes and URLs. */
    DataSplit resolve(String dataset, Path dataDir, Path cacheDir, boolean allowDownload, int limit, int testLimit,
            long seed) {
        if (limit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("limit " + limit + " and testLimit " + testLimit
                    + " must be 0 (all) or more");
        }
        String name = dataset == null ? "" : dataset.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case SYNTHETIC:
                return SyntheticImages.generate(limit, testLimit, seed);
            case FASHION_MNIST:
                return resolveFashionMnist(dataDir, requireCache(cacheDir), allowDownload).limit(limit, testLimit);
            case CIFAR10:
                return resolveCifar10(dataDir, requireCache(cacheDir), allowDownload).limit(limit, testLimit);
            default:
                throw new DataException("dataset '" + dataset + "' is not known; allowed: fashion-mnist, cifar10, synthetic");
        }
    }

    private static Path requireCache(Path cacheDir) {
        if (cacheDir == null) {
            throw new DataException("cacheDir is not set; it is needed to find or download the dataset");
        }
        return cacheDir;
    }

    // ---- Fashion-MNIST ------------------------------------------------------------------------

    private DataSplit resolveFashionMnist(Path dataDir, Path cacheDir, boolean allowDownload) {
        String wanted = String.join(", ", FASHION_MNIST_FILES);
        if (dataDir != null) {
            requireDirectory(dataDir);
            for (Path dir : List.of(dataDir, dataDir.resolve(FASHION_MNIST))) {
                if (missingFashionFiles(dir).isEmpty()) {
                    return readFashionMnist(dir);
                }
            }
            throw new DataException("dataDir " + dataDir + " does not hold Fashion-MNIST: missing "
                    + String.join(", ", missingFashionFiles(dataDir)) + " (looked in " + dataDir + " and "
                    + dataDir.resolve(FASHION_MNIST) + "; the files may also be stored uncompressed, without .gz)");
        }
        Path cache = cacheDir.resolve(FASHION_MNIST);
        List<String> cacheMissing = missingFashionFiles(cache);
        if (cacheMissing.isEmpty()) {
            return fromCache(() -> readFashionMnist(cache));
        }
        Path system = systemDir.resolve(FASHION_MNIST);
        List<String> systemMissing = missingFashionFiles(system);
        if (systemMissing.isEmpty()) {
            return readFashionMnist(system);
        }
        String downloadUrl = fashionBaseUrl();
        String downloadResult;
        if (allowDownload) {
            try {
                for (String f : cacheMissing) {
                    download(fashionBaseUrl() + f, cache.resolve(f), f);
                }
                return readFashionMnist(cache);
            } catch (DownloadFailure e) {
                downloadResult = "failed: " + e.getMessage();
            }
        } else {
            downloadResult = "not attempted because allowDownload is false (set allowDownload=true to fetch it)";
        }
        throw new DataException("Fashion-MNIST was not found. Tried, in order:\n"
                + "  1. the dataDir option: not set; set dataDir to a directory holding " + wanted + "\n"
                + "  2. the cache directory " + cache + ": " + describeMissing(cache, cacheMissing) + "\n"
                + "  3. the system directory " + system + ": " + describeMissing(system, systemMissing)
                + "; on Debian or Ubuntu install it with: sudo apt-get install " + FASHION_MNIST_PACKAGE + "\n"
                + "  4. download from " + downloadUrl + " (" + wanted + ") into " + cache + ": " + downloadResult);
    }

    private String fashionBaseUrl() {
        return baseUrl != null ? baseUrl : FASHION_MNIST_BASE_URL;
    }

    /** The Fashion-MNIST files absent from {@code dir}, each accepted gzip-named or plain. */
    private static List<String> missingFashionFiles(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String f : FASHION_MNIST_FILES) {
            if (fashionFile(dir, f) == null) {
                missing.add(f);
            }
        }
        return missing;
    }

    private static Path fashionFile(Path dir, String gzName) {
        Path gz = dir.resolve(gzName);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(gzName.substring(0, gzName.length() - ".gz".length()));
        return Files.isRegularFile(plain) ? plain : null;
    }

    private static DataSplit readFashionMnist(Path dir) {
        ImageSet train = IdxReader.read(FASHION_MNIST + "-train", fashionFile(dir, FASHION_MNIST_FILES.get(0)),
                fashionFile(dir, FASHION_MNIST_FILES.get(1)), FASHION_CLASSES);
        ImageSet test = IdxReader.read(FASHION_MNIST + "-test", fashionFile(dir, FASHION_MNIST_FILES.get(2)),
                fashionFile(dir, FASHION_MNIST_FILES.get(3)), FASHION_CLASSES);
        return new DataSplit(train, test);
    }

    // ---- CIFAR-10 -----------------------------------------------------------------------------

    private DataSplit resolveCifar10(Path dataDir, Path cacheDir, boolean allowDownload) {
        if (dataDir != null) {
            if (Files.isRegularFile(dataDir)) {
                return Cifar10Reader.read(dataDir);
            }
            requireDirectory(dataDir);
            for (Path dir : List.of(dataDir, dataDir.resolve(CIFAR10))) {
                if (cifarSource(dir) != null) {
                    return Cifar10Reader.read(cifarSource(dir));
                }
            }
            throw new DataException("dataDir " + dataDir + " does not hold CIFAR-10: expected the "
                    + Cifar10Reader.BATCHES_DIR + " directory, its batch files, or " + Cifar10Reader.ARCHIVE
                    + " (looked in " + dataDir + " and " + dataDir.resolve(CIFAR10) + ")");
        }
        Path cache = cacheDir.resolve(CIFAR10);
        Path cached = cifarSource(cache);
        if (cached != null) {
            return fromCache(() -> Cifar10Reader.read(cached));
        }
        Path system = systemDir.resolve(CIFAR10);
        Path installed = cifarSource(system);
        if (installed != null) {
            return Cifar10Reader.read(installed);
        }
        String url = (baseUrl != null ? baseUrl : CIFAR10_BASE_URL) + Cifar10Reader.ARCHIVE;
        String downloadResult;
        if (allowDownload) {
            try {
                Path archive = cache.resolve(Cifar10Reader.ARCHIVE);
                download(url, archive, Cifar10Reader.ARCHIVE);
                return Cifar10Reader.read(archive);
            } catch (DownloadFailure e) {
                downloadResult = "failed: " + e.getMessage();
            }
        } else {
            downloadResult = "not attempted because allowDownload is false (set allowDownload=true to fetch it)";
        }
        String either = Cifar10Reader.BATCHES_DIR + "/ or " + Cifar10Reader.ARCHIVE;
        String neither = "holds neither " + Cifar10Reader.BATCHES_DIR + "/ nor " + Cifar10Reader.ARCHIVE;
        throw new DataException("CIFAR-10 was not found. Tried, in order:\n"
                + "  1. the dataDir option: not set; set dataDir to a directory holding " + either + "\n"
                + "  2. the cache directory " + cache + ": " + (Files.isDirectory(cache) ? neither : "does not exist")
                + "\n"
                + "  3. the system directory " + system + ": " + (Files.isDirectory(system) ? neither : "does not exist")
                + " (no Debian package is known to provide CIFAR-10)\n"
                + "  4. download from " + url + " into " + cache + ": " + downloadResult);
    }

    /**
     * What {@link Cifar10Reader#read(Path)} should read in {@code dir}: the batches directory when
     * it holds every batch, else the archive when present, else null.
     */
    private static Path cifarSource(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Path batches = Cifar10Reader.batchesDirectory(dir);
        if (batches != null) {
            // a batches directory with files missing is still returned, so the reader names them
            return batches;
        }
        Path archive = dir.resolve(Cifar10Reader.ARCHIVE);
        return Files.isRegularFile(archive) ? archive : null;
    }

    // ---- shared -------------------------------------------------------------------------------

    private static void requireDirectory(Path dataDir) {
        if (!Files.exists(dataDir)) {
            throw new DataException("dataDir " + dataDir + " does not exist; fix the dataDir option or unset it to"
                    + " use the cache, the system package or a download");
        }
        if (!Files.isDirectory(dataDir)) {
            throw new DataException("dataDir " + dataDir + " is not a directory");
        }
    }

    private static String describeMissing(Path dir, List<String> missing) {
        if (!Files.isDirectory(dir)) {
            return "does not exist";
        }
        return "missing " + String.join(", ", missing);
    }

    /** Reads from the cache, telling the user how to recover when a cached file is corrupt. */
    private static DataSplit fromCache(Supplier<DataSplit> read) {
        try {
            return read.get();
        } catch (DataException e) {
            throw new DataException(e.getMessage() + " (this file is in the dataset cache; delete it to fetch it again)",
                    e);
        }
    }

    /** A download that did not produce a verified file; the message says why. */
    static final class DownloadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        DownloadFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Downloads {@code url} to {@code target} through a temporary file in the same directory,
     * which is moved into place only once its SHA-256 matches; on any failure it is deleted.
     */
    void download(String url, Path target, String fileName) throws DownloadFailure {
        String expected = sha256.get(fileName);
        if (expected == null) {
            throw new DownloadFailure("no SHA-256 is known for " + fileName + ", so a download could not be verified",
                    null);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + fileName + ".", ".part");
            LOG.log(Level.INFO, "Downloading {0} to {1}", url, target);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DownloadFailure(url + " answered HTTP " + response.statusCode(), null);
                }
                try (InputStream in = new DigestInputStream(body, md); OutputStream out = Files.newOutputStream(tmp)) {
                    in.transferTo(out);
                }
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equalsIgnoreCase(expected)) {
                throw new DownloadFailure(url + " returned a file with SHA-256 " + actual + " but " + fileName
                        + " must have SHA-256 " + expected + "; the download was discarded", null);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.log(Level.INFO, "Verified {0} (SHA-256 {1})", target, actual);
        } catch (IOException | IllegalArgumentException e) {
            throw new DownloadFailure(url + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadFailure(url + ": interrupted", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete partial download " + tmp, e);
                }
            }
        }
    }

    /** The exception chain as one line, since the JDK's HTTP client often leaves messages null. */
    private static String reason(Throwable e) {
        if (e instanceof java.net.ConnectException) {
            return "could not connect (offline, refused or unreachable)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out (" + e.getMessage() + ")";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage() + " (offline or no DNS?)";
        }
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                sb.append(" (").append(t.getMessage()).append(')');
            }
        }
        return sb.toString();
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }
}

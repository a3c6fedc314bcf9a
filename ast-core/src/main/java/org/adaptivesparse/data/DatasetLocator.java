package org.adaptivesparse.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Finds a copy of a dataset read from files. Places are tried in this order, and the first
 * complete copy wins:
 * <ol>
 *   <li>the {@code dataDir} option, when set: it must hold the dataset, or loading fails naming
 *       it (a wrong path is never silently replaced by another copy);</li>
 *   <li>the user cache, {@code cacheDir/<dataset>};</li>
 *   <li>the system directory {@code /usr/share/datasets/<dataset>}, where Debian's
 *       {@code dataset-fashion-mnist} package installs Fashion-MNIST;</li>
 *   <li>a {@link VerifiedDownload} from the published URL into the cache, when {@code allowDownload}
 *       is true.</li>
 * </ol>
 * When all four fail, the {@link DataException} lists each place and why it did not serve.
 *
 * <p>The download base URL can be replaced, for a mirror, with the system property
 * {@value #BASE_URL_PROPERTY}; the mirror must serve the same file names as the originals.
 */
public final class DatasetLocator {
    /** System property replacing the download base URL of every dataset (a mirror). */
    public static final String BASE_URL_PROPERTY = "ast.datasets.baseUrl";
    /** Where Debian installs dataset packages. */
    public static final Path SYSTEM_DATASETS = Path.of("/usr/share/datasets");

    private final VerifiedDownload download;
    private final String baseUrl;
    private final Path systemDir;

    /**
     * @param download  fetches and verifies missing files
     * @param baseUrl   download base URL for every dataset, or null for each one's published URL
     * @param systemDir where system packages install datasets ({@link #SYSTEM_DATASETS})
     */
    DatasetLocator(VerifiedDownload download, String baseUrl, Path systemDir) {
        this.download = Objects.requireNonNull(download, "download");
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.systemDir = Objects.requireNonNull(systemDir, "systemDir");
    }

    /** The locator of a normal run: the catalog's hashes, the mirror property, {@link #SYSTEM_DATASETS}. */
    static DatasetLocator standard() {
        return new DatasetLocator(new VerifiedDownload(DatasetCatalog.sha256()), System.getProperty(BASE_URL_PROPERTY),
                SYSTEM_DATASETS);
    }

    /**
     * Finds and reads {@code dataset}.
     *
     * @param dataDir  where the user says the dataset is, or null to search
     * @param cacheDir the user cache, required even with {@code dataDir}
     * @throws DataException naming every place tried when no copy is found, or the file at fault
     *                       when a copy cannot be read
     */
    DataSplit locate(DatasetDescription dataset, Path dataDir, Path cacheDir, boolean allowDownload) {
        Path source = find(dataset, dataDir, cacheDir, allowDownload);
        if (cacheDir != null && dataDir == null && source.startsWith(cacheDir.resolve(dataset.name()))) {
            return fromCache(() -> dataset.read(source));
        }
        return dataset.read(source);
    }

    /**
     * Finds {@code dataset} without reading it: the first complete copy, in the order of this class's
     * description, downloading it into the cache as the last resort.
     *
     * @return the copy: a directory holding the files, or for an archive dataset the archive itself
     * @throws DataException naming every place tried when no copy is found
     */
    Path find(DatasetDescription dataset, Path dataDir, Path cacheDir, boolean allowDownload) {
        if (cacheDir == null) {
            throw new DataException("cacheDir is not set; it is needed to find or download the dataset");
        }
        if (dataDir != null) {
            return fromDataDir(dataset, dataDir);
        }
        Path cache = cacheDir.resolve(dataset.name());
        Path cached = dataset.source(cache);
        if (cached != null) {
            return cached;
        }
        Path system = systemDir.resolve(dataset.name());
        Path installed = dataset.source(system);
        if (installed != null) {
            return installed;
        }
        String base = baseUrl != null ? baseUrl : dataset.baseUrl();
        List<String> files = dataset.files();
        String from = files.size() == 1 ? base + files.get(0) : base + " (" + String.join(", ", files) + ")";
        // what the cache lacked before a download, which may create it and fill it in part
        String cacheLacks = dataset.notIn(cache);
        String downloadResult;
        if (allowDownload) {
            try {
                for (String f : dataset.missing(cache)) {
                    download.fetch(base + f, cache.resolve(f), f);
                }
                return dataset.source(cache);
            } catch (VerifiedDownload.DownloadFailure e) {
                downloadResult = "failed: " + e.getMessage();
            }
        } else {
            downloadResult = "not attempted because allowDownload is false (set allowDownload=true to fetch it)";
        }
        String pkg = dataset.systemPackage();
        throw new DataException(dataset.title() + " was not found. Tried, in order:\n"
                + "  1. the dataDir option: not set; set dataDir to a directory holding " + dataset.wanted() + "\n"
                + "  2. the cache directory " + cache + ": " + (Files.isDirectory(cache) ? cacheLacks : "does not exist")
                + "\n"
                + "  3. the system directory " + system + ": "
                + (Files.isDirectory(system) ? dataset.notIn(system) : "does not exist")
                + (pkg != null ? "; on Debian or Ubuntu install it with: sudo apt-get install " + pkg
                        : " (no Debian package is known to provide " + dataset.title() + ")") + "\n"
                + "  4. download from " + from + " into " + cache + ": " + downloadResult);
    }

    private static Path fromDataDir(DatasetDescription dataset, Path dataDir) {
        if (dataset.readsFile() && Files.isRegularFile(dataDir)) {
            return dataDir;
        }
        if (!Files.exists(dataDir)) {
            throw new DataException("dataDir " + dataDir + " does not exist; fix the dataDir option or unset it to"
                    + " use the cache, the system package or a download");
        }
        if (!Files.isDirectory(dataDir)) {
            throw new DataException("dataDir " + dataDir + " is not a directory");
        }
        Path sub = dataDir.resolve(dataset.name());
        for (Path dir : List.of(dataDir, sub)) {
            Path source = dataset.source(dir);
            if (source != null) {
                return source;
            }
        }
        throw new DataException("dataDir " + dataDir + " does not hold " + dataset.title() + ": "
                + dataset.notInDataDir(dataDir) + " (looked in " + dataDir + " and " + sub + dataset.dataDirNote() + ")");
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
}

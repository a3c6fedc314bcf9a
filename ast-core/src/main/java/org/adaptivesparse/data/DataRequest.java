package org.adaptivesparse.data;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Which data an experiment trains on, in the data package's own terms: a supplier of ready data,
 * or a named dataset with where to look for it. The caller builds it from its configuration.
 *
 * @param dataset       a name of {@link DatasetCatalog#names()} (case ignored); unused with a supplier
 * @param dataDir       a directory holding the dataset, directly or in a {@code <dataset>}
 *                      subdirectory (for CIFAR-10 also the archive file itself), or null to search
 *                      the usual places; for {@code folder}, the directory of class folders (required)
 * @param cacheDir      the user cache; the dataset is looked for, and downloaded to, {@code cacheDir/<dataset>}
 * @param allowDownload whether the last resort, a verified download, may be used
 * @param limit         training samples kept, the first ones (0 = all; for {@code synthetic}, the
 *                      number generated, 0 = {@link SyntheticImages#DEFAULT_TRAIN})
 * @param testLimit     test samples kept likewise
 * @param seed          seed of the synthetic data, and of the {@code folder} dataset's split and
 *                      sample order; Fashion-MNIST and CIFAR-10 ignore it
 * @param supplier      supplies the data instead of a named dataset, or null
 * @param folder        how the {@code folder} dataset reads {@code dataDir} (null for
 *                      {@link FolderSettings#DEFAULTS}); the other datasets ignore it
 */
public record DataRequest(String dataset, Path dataDir, Path cacheDir, boolean allowDownload, int limit,
        int testLimit, long seed, Supplier<DataSplit> supplier, FolderSettings folder) {

    /** @throws IllegalArgumentException when a limit is negative */
    public DataRequest {
        if (limit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("limit " + limit + " and testLimit " + testLimit
                    + " must be 0 (all) or more");
        }
        if (folder == null) {
            folder = FolderSettings.DEFAULTS;
        }
    }

    /** A request with the {@code folder} dataset's {@link FolderSettings#DEFAULTS}. */
    public DataRequest(String dataset, Path dataDir, Path cacheDir, boolean allowDownload, int limit, int testLimit,
            long seed, Supplier<DataSplit> supplier) {
        this(dataset, dataDir, cacheDir, allowDownload, limit, testLimit, seed, supplier, null);
    }
}

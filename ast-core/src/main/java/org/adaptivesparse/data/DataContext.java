package org.adaptivesparse.data;

import java.nio.file.Path;

/**
 * What a {@link DatasetFactory} is told about the experiment: the configured directories, the seed,
 * and a way to find a dataset of the catalog where the engine itself would find it.
 *
 * @param dataDir       the {@code dataDir} option, or null when it is not set
 * @param cacheDir      the {@code cacheDir} option
 * @param allowDownload the {@code allowDownload} option
 * @param seed          the experiment's first seed (the data are loaded once, for every seed)
 */
public record DataContext(Path dataDir, Path cacheDir, boolean allowDownload, long seed) {

    /**
     * The directory holding the files of a catalog dataset ({@code fashion-mnist}), found the way
     * {@code dataset=fashion-mnist} finds them: {@code dataDir}, the cache, the system package
     * ({@code /usr/share/datasets}), then a SHA-256 verified download into the cache.
     *
     * @throws DataException naming every place tried when no copy is found
     */
    public Path locate(String dataset) {
        DatasetDescription d = DatasetCatalog.description(dataset)
                .orElseThrow(() -> new DataException(DatasetCatalog.unknown(dataset)));
        return DatasetLocator.standard().find(d, dataDir, cacheDir, allowDownload);
    }
}

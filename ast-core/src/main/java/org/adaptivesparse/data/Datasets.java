package org.adaptivesparse.data;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Loads the data a {@link DataRequest} asks for: from its supplier, generated ({@code synthetic}),
 * the user's own images ({@code folder}, see {@link FolderDataset}), or from files found by
 * {@link DatasetLocator}; then keeps the requested number of samples.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Loads a named dataset.
     *
     * @param dataset a name of {@link DatasetCatalog#names()} (case ignored)
     * @see DataRequest for the other parameters
     * @throws DataException when the dataset cannot be found, fetched, verified or read
     */
    public static DataSplit load(String dataset, Path dataDir, Path cacheDir, boolean allowDownload, int limit,
            int testLimit, long seed) {
        return load(new DataRequest(dataset, dataDir, cacheDir, allowDownload, limit, testLimit, seed, null));
    }

    /**
     * Loads the requested data: the request's supplier when set, else its named dataset; then
     * applies its {@code limit} and {@code testLimit}.
     *
     * @throws DataException when the dataset is unknown or cannot be found, fetched, verified or
     *                       read, or the supplier returns null
     */
    public static DataSplit load(DataRequest request) {
        return load(request, DatasetLocator.standard());
    }

    static DataSplit load(DataRequest request, DatasetLocator locator) {
        Supplier<DataSplit> supplier = request.supplier();
        if (supplier != null) {
            DataSplit split = supplier.get();
            if (split == null) {
                throw new DataException("the experiment's dataSupplier returned null instead of a DataSplit");
            }
            return split.limit(request.limit(), request.testLimit());
        }
        if (DatasetCatalog.SYNTHETIC.equals(DatasetCatalog.canonical(request.dataset()))) {
            return SyntheticImages.generate(request.limit(), request.testLimit(), request.seed());
        }
        if (DatasetCatalog.FOLDER.equals(DatasetCatalog.canonical(request.dataset()))) {
            return FolderDataset.read(request.dataDir(), request.folder(), request.seed())
                    .limit(request.limit(), request.testLimit());
        }
        DatasetDescription dataset = DatasetCatalog.description(request.dataset())
                .orElseThrow(() -> new DataException(DatasetCatalog.unknown(request.dataset())));
        return locator.locate(dataset, request.dataDir(), request.cacheDir(), request.allowDownload())
                .limit(request.limit(), request.testLimit());
    }
}

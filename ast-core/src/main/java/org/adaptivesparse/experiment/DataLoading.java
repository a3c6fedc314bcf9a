package org.adaptivesparse.experiment;

import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.data.DataException;
import org.adaptivesparse.data.DataSplit;

/** Resolves the configured data: the user's supplier, else the named dataset. */
final class DataLoading {
    private DataLoading() {
    }

    static DataSplit load(ExperimentConfig cfg) {
        if (cfg.dataSupplier() != null) {
            return cfg.dataSupplier().get().limit(cfg.limit(), cfg.testLimit());
        }
        throw new DataException("dataset loading is not wired yet");
    }
}

package org.adaptivesparse.data;

/**
 * Supplies your project's training and test sets, so that {@code ast:train} and
 * {@code @SparseTraining} can train on them by class name: {@code <dataset>com.example.fashion.FashionData</dataset>}
 * names a public class with a public no-argument constructor that implements this interface.
 *
 * <p>Any DJL {@link ai.djl.training.dataset.RandomAccessDataset} plugs in ({@code ArrayDataset},
 * {@code ImageFolder}, a {@code CsvDataset} of feature vectors, your own): see
 * {@link DatasetPair#of(ai.djl.training.dataset.RandomAccessDataset, ai.djl.training.dataset.RandomAccessDataset)}.
 * The engine reads both sets once into memory, then applies {@code limit} and {@code testLimit}.
 */
@FunctionalInterface
public interface DatasetFactory {
    /**
     * The training and test sets. Called once per experiment; every policy and seed trains on them.
     *
     * @throws Exception any failure; its message is shown as the reason the data could not be loaded
     */
    DatasetPair create(DataContext context) throws Exception;
}

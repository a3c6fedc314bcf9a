package org.adaptivesparse.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of datasets the engine loads by name. Everything that names them (configuration
 * checks, error messages, the loader) reads it from here.
 */
public final class DatasetCatalog {
    /** Dataset name of Fashion-MNIST. */
    public static final String FASHION_MNIST = "fashion-mnist";
    /** Dataset name of CIFAR-10. */
    public static final String CIFAR10 = "cifar10";
    /** Dataset name of {@link SyntheticImages}. */
    public static final String SYNTHETIC = "synthetic";
    /** Dataset name of the user's own images, one folder per class under {@code dataDir} ({@link FolderDataset}). */
    public static final String FOLDER = "folder";

    private static final List<DatasetDescription> FILE_DATASETS = List.of(new FashionMnist(), new Cifar10());

    private DatasetCatalog() {
    }

    /** Every dataset name, in the order messages list them: {@code fashion-mnist, cifar10, synthetic, folder}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        FILE_DATASETS.forEach(d -> names.add(d.name()));
        names.add(SYNTHETIC);
        names.add(FOLDER);
        return List.copyOf(names);
    }

    /** {@code name} as the catalog spells it: trimmed and in lower case; "" for null. */
    public static String canonical(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} (case and surrounding blanks ignored) is one of {@link #names()}. */
    public static boolean isKnown(String name) {
        return names().contains(canonical(name));
    }

    /**
     * The message for a name that is not in the catalog, e.g.
     * {@code dataset 'mnist' is not known; allowed: fashion-mnist, cifar10, synthetic, folder}.
     */
    public static String unknown(String name) {
        return "dataset '" + name + "' is not known; allowed: " + String.join(", ", names());
    }

    /** The files, hashes and reader of a dataset read from disk; empty for {@code synthetic}, {@code folder} and unknown names. */
    public static Optional<DatasetDescription> description(String name) {
        String n = canonical(name);
        return FILE_DATASETS.stream().filter(d -> d.name().equals(n)).findFirst();
    }

    /** The SHA-256 of every file a download may fetch, by file name. */
    static Map<String, String> sha256() {
        Map<String, String> all = new LinkedHashMap<>();
        FILE_DATASETS.forEach(d -> all.putAll(d.sha256()));
        return all;
    }
}

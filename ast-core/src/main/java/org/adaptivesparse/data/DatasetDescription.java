package org.adaptivesparse.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One dataset read from files: its name, the files a download fetches with their SHA-256, where
 * they are published, the system package that installs it, how a directory holds a copy and how
 * that copy is read. {@link DatasetLocator} searches for a copy with it; {@link DatasetCatalog}
 * lists them.
 */
public abstract class DatasetDescription {
    private final String name;
    private final String title;
    private final String baseUrl;
    private final Map<String, String> sha256;
    private final String systemPackage;

    /**
     * @param sha256        each downloadable file's SHA-256 as served at {@code baseUrl}, in download order
     * @param systemPackage the Debian package installing it under {@link DatasetLocator#SYSTEM_DATASETS}, or null
     */
    DatasetDescription(String name, String title, String baseUrl, Map<String, String> sha256, String systemPackage) {
        this.name = name;
        this.title = title;
        this.baseUrl = baseUrl;
        this.sha256 = sha256;
        this.systemPackage = systemPackage;
    }

    /** The name users type, also the subdirectory looked in: {@code fashion-mnist}. */
    public String name() {
        return name;
    }

    /** The name in messages: {@code Fashion-MNIST}. */
    public String title() {
        return title;
    }

    /** Where the files are published. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The files a download fetches, in order. */
    public List<String> files() {
        return List.copyOf(sha256.keySet());
    }

    /** Each downloadable file's SHA-256 as served at {@link #baseUrl()}. */
    public Map<String, String> sha256() {
        return sha256;
    }

    /** The Debian package installing the dataset, or null when none is known. */
    public String systemPackage() {
        return systemPackage;
    }

    /** What {@link #read(Path)} should read in {@code dir}, or null when {@code dir} holds no copy. */
    abstract Path source(Path dir);

    /** Reads a copy found by {@link #source(Path)}, or a file accepted by {@link #readsFile()}. */
    abstract DataSplit read(Path source);

    /** Whether a regular file given as {@code dataDir} is read as the dataset (an archive). */
    abstract boolean readsFile();

    /** The downloadable files absent from {@code dir}. */
    abstract List<String> missing(Path dir);

    /** What a directory must hold, for "set dataDir to a directory holding …". */
    abstract String wanted();

    /** Why an existing {@code dataDir} holds no copy: "missing …" or "expected …". */
    abstract String notInDataDir(Path dataDir);

    /** Appended to the list of directories looked in when {@code dataDir} holds no copy; "" for nothing. */
    abstract String dataDirNote();

    /** Why an existing searched directory (the cache, the system directory) holds no copy. */
    abstract String notIn(Path dir);
}

package org.adaptivesparse.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * CIFAR-10, binary version: the {@link Cifar10Reader#BATCHES_DIR} directory with its batch files,
 * or the {@link Cifar10Reader#ARCHIVE} it unpacks from, which is also what a download fetches.
 */
final class Cifar10 extends DatasetDescription {
    /** Where the binary CIFAR-10 archive is published. */
    static final String BASE_URL = "https://www.cs.toronto.edu/~kriz/";

    Cifar10() {
        super(DatasetCatalog.CIFAR10, "CIFAR-10", BASE_URL,
                Map.of(Cifar10Reader.ARCHIVE, "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"), null);
    }

    /**
     * The batches directory when {@code dir} has one, else the archive when present, else null.
     * A batches directory with files missing is still returned, so the reader names them.
     */
    @Override
    Path source(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Path batches = Cifar10Reader.batchesDirectory(dir);
        if (batches != null) {
            return batches;
        }
        Path archive = dir.resolve(Cifar10Reader.ARCHIVE);
        return Files.isRegularFile(archive) ? archive : null;
    }

    @Override
    DataSplit read(Path source) {
        return Cifar10Reader.read(source);
    }

    @Override
    boolean readsFile() {
        return true;
    }

    @Override
    List<String> missing(Path dir) {
        return Files.isRegularFile(dir.resolve(Cifar10Reader.ARCHIVE)) ? List.of() : List.of(Cifar10Reader.ARCHIVE);
    }

    @Override
    String wanted() {
        return Cifar10Reader.BATCHES_DIR + "/ or " + Cifar10Reader.ARCHIVE;
    }

    @Override
    String notInDataDir(Path dataDir) {
        return "expected the " + Cifar10Reader.BATCHES_DIR + " directory, its batch files, or " + Cifar10Reader.ARCHIVE;
    }

    @Override
    String dataDirNote() {
        return "";
    }

    @Override
    String notIn(Path dir) {
        return "holds neither " + Cifar10Reader.BATCHES_DIR + "/ nor " + Cifar10Reader.ARCHIVE;
    }
}

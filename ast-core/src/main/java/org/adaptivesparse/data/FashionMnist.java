package org.adaptivesparse.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST: four IDX files (training images and labels, test images and labels), each
 * accepted gzip-named or plain. The SHA-256 values are those of the files as served at
 * {@link #BASE_URL} and match the published MD5 sums used by torchvision; Debian's repacked
 * copies differ (their gzip headers omit the file name), which is why files found on disk are
 * parsed, not hashed.
 */
final class FashionMnist extends DatasetDescription {
    /** Where Fashion-MNIST's files are published. */
    static final String BASE_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    /** The Debian package providing Fashion-MNIST under {@link DatasetLocator#SYSTEM_DATASETS}. */
    static final String PACKAGE = "dataset-fashion-mnist";
    private static final int CLASSES = 10;

    FashionMnist() {
        super(DatasetCatalog.FASHION_MNIST, "Fashion-MNIST", BASE_URL, publishedSha256(), PACKAGE);
    }

    private static Map<String, String> publishedSha256() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84");
        m.put("train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845");
        m.put("t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073");
        m.put("t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    Path source(Path dir) {
        return missing(dir).isEmpty() ? dir : null;
    }

    @Override
    DataSplit read(Path dir) {
        List<String> f = files();
        ImageSet train = IdxReader.read(name() + "-train", file(dir, f.get(0)), file(dir, f.get(1)), CLASSES);
        ImageSet test = IdxReader.read(name() + "-test", file(dir, f.get(2)), file(dir, f.get(3)), CLASSES);
        return new DataSplit(train, test);
    }

    @Override
    boolean readsFile() {
        return false;
    }

    @Override
    List<String> missing(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String f : files()) {
            if (file(dir, f) == null) {
                missing.add(f);
            }
        }
        return missing;
    }

    @Override
    String wanted() {
        return String.join(", ", files());
    }

    @Override
    String notInDataDir(Path dataDir) {
        return "missing " + String.join(", ", missing(dataDir));
    }

    @Override
    String dataDirNote() {
        return "; the files may also be stored uncompressed, without .gz";
    }

    @Override
    String notIn(Path dir) {
        return "missing " + String.join(", ", missing(dir));
    }

    /** {@code dir/gzName}, else the same file without {@code .gz}, else null. */
    private static Path file(Path dir, String gzName) {
        Path gz = dir.resolve(gzName);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(gzName.substring(0, gzName.length() - ".gz".length()));
        return Files.isRegularFile(plain) ? plain : null;
    }
}

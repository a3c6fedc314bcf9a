package org.adaptivesparse.data;

import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The user's own images ({@code dataset=folder}): one subdirectory per class, read through DJL's
 * {@link ImageFolder}, resized to a square of {@link FolderSettings#imageSize()}, read as grayscale
 * or RGB, and copied into an in-memory {@link ImageSet} with pixels in [0, 1].
 *
 * <p>Two layouts are accepted:
 * <ul>
 *   <li>{@code dataDir/train/<class>/…} and {@code dataDir/test/<class>/…}, with the same class
 *       folders in both: used as given;</li>
 *   <li>{@code dataDir/<class>/…}: each class's images are split into test and training images by
 *       {@link FolderSettings#testFraction()}, with the request's seed, so the split is the same on
 *       every run with that seed.</li>
 * </ul>
 * Class indices follow the class folders' names in sorted order, as {@link ImageFolder} assigns
 * them. Each set is put in a seeded random order, so that keeping its first samples ({@code limit})
 * keeps a mix of classes. Only files directly in a class folder are read; hidden files (a name
 * starting with a dot) are skipped, any other file must be an image DJL reads.
 */
final class FolderDataset {
    /** The file name extensions {@link ImageFolder} reads, in lower case. */
    static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".wbmp", ".gif");

    private FolderDataset() {
    }

    /**
     * Reads the images under {@code dataDir}.
     *
     * @throws DataException naming the directory or file at fault
     */
    static DataSplit read(Path dataDir, FolderSettings settings, long seed) {
        if (dataDir == null) {
            throw new DataException("dataset folder reads images from dataDir, but dataDir is not set; set it to a"
                    + " directory with one subdirectory of images per class");
        }
        if (!Files.exists(dataDir)) {
            throw new DataException("dataDir " + dataDir + " does not exist; dataset folder needs a directory with"
                    + " one subdirectory of images per class");
        }
        if (!Files.isDirectory(dataDir)) {
            throw new DataException("dataDir " + dataDir + " is not a directory; dataset folder needs a directory"
                    + " with one subdirectory of images per class");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Path train = dataDir.resolve("train");
        Path test = dataDir.resolve("test");
        boolean hasTrain = Files.isDirectory(train);
        boolean hasTest = Files.isDirectory(test);
        if (hasTrain != hasTest) {
            String has = hasTrain ? "train" : "test";
            String lacks = hasTrain ? "test" : "train";
            throw new DataException("dataDir " + dataDir + " has a " + has + " directory but no " + lacks
                    + " directory; give it both, with the same class folders in each, or neither, with the class"
                    + " folders directly in dataDir (split by testFraction)");
        }
        if (hasTrain) {
            Map<String, List<Path>> trainClasses = classes(train);
            Map<String, List<Path>> testClasses = classes(test);
            if (!trainClasses.keySet().equals(testClasses.keySet())) {
                TreeSet<String> onlyTrain = new TreeSet<>(trainClasses.keySet());
                onlyTrain.removeAll(testClasses.keySet());
                TreeSet<String> onlyTest = new TreeSet<>(testClasses.keySet());
                onlyTest.removeAll(trainClasses.keySet());
                throw new DataException("the class folders of " + train + " and " + test + " differ: only in train: "
                        + names(onlyTrain) + "; only in test: " + names(onlyTest)
                        + "; both need the same class folders");
            }
            ImageSet trainSet = shuffled(load(train, trainClasses, settings), random.split());
            ImageSet testSet = shuffled(load(test, testClasses, settings), random.split());
            return new DataSplit(trainSet, testSet);
        }
        Map<String, List<Path>> all = classes(dataDir);
        all.forEach((name, files) -> {
            if (files.size() < 2) {
                throw new DataException("class folder " + dataDir.resolve(name) + " has 1 image; splitting it into"
                        + " training and test images by testFraction needs at least 2 per class (or give dataDir"
                        + " train and test directories)");
            }
        });
        return split(load(dataDir, all, settings), settings.testFraction(), random);
    }

    /**
     * The class folders of {@code dir} in sorted order, each with its image files.
     *
     * @throws DataException when there are fewer than 2, a class has no images, or a file is not an image
     */
    static Map<String, List<Path>> classes(Path dir) {
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (folders.isEmpty()) {
            throw new DataException(dir + " has no class folders; put each class's images in a subdirectory named"
                    + " after the class, e.g. " + dir.resolve("cat").resolve("1.png"));
        }
        if (folders.size() < 2) {
            throw new DataException(dir + " has 1 class folder (" + folders.get(0).getFileName() + "); a classifier"
                    + " needs at least 2 classes, one subdirectory each");
        }
        Map<String, List<Path>> classes = new LinkedHashMap<>();
        for (Path folder : folders) {
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(Files::isRegularFile).filter(p -> !hidden(p)).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new DataException("cannot list class folder " + folder + ": " + e.getMessage(), e);
            }
            for (Path f : files) {
                if (!isImageName(f)) {
                    throw new DataException(f + " is not an image; class folders may hold only "
                            + String.join(", ", EXTENSIONS) + " files (remove it or move it out of " + dir + ")");
                }
                if (!Files.isReadable(f)) {
                    throw new DataException(f + " cannot be read; check its permissions");
                }
            }
            if (files.isEmpty()) {
                throw new DataException("class folder " + folder + " has no images; add " + String.join(", ", EXTENSIONS)
                        + " files directly in it or remove the folder");
            }
            classes.put(folder.getFileName().toString(), files);
        }
        return classes;
    }

    /** Reads every image of {@code dir} through {@link ImageFolder}. */
    private static ImageSet load(Path dir, Map<String, List<Path>> classes, FolderSettings settings) {
        int side = settings.imageSize();
        ImageFolder folder = ImageFolder.builder()
                .setRepositoryPath(dir)
                .optImageSize(side)
                .optFlag(settings.channels() == 1 ? Image.Flag.GRAYSCALE : Image.Flag.COLOR)
                .setSampling(1, false)
                .build();
        List<String> synset;
        try {
            folder.prepare();
            synset = folder.getSynset();
        } catch (IOException | TranslateException | IllegalArgumentException e) {
            throw new DataException("cannot list the images in " + dir + ": " + e.getMessage(), e);
        }
        int expected = classes.values().stream().mapToInt(List::size).sum();
        if (!new TreeSet<>(synset).equals(new TreeSet<>(classes.keySet())) || folder.size() != expected) {
            // both list the same directory with the same rules; a difference means it changed meanwhile
            throw new DataException(dir + " changed while it was read: DJL's ImageFolder found classes " + synset
                    + " with " + folder.size() + " images, expected " + classes.keySet() + " with " + expected);
        }
        // ImageFolder's order decides the labels
        Map<String, List<Path>> ordered = new LinkedHashMap<>();
        synset.forEach(c -> ordered.put(c, classes.get(c)));
        int per = settings.channels() * side * side;
        if ((long) expected * per > Integer.MAX_VALUE - 8) {
            throw new DataException(dir + " holds " + expected + " images; at " + settings.channels() + "x" + side + "x"
                    + side + " that is more than one in-memory set holds (2^31 floats); lower imageSize or use fewer"
                    + " images");
        }
        float[] pixels = new float[expected * per];
        int[] labels = new int[expected];
        List<Integer> firstOfClass = firstIndices(ordered);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < expected; i++) {
                // one sub-manager per image: its native buffers are freed before the next is read
                try (NDManager one = manager.newSubManager()) {
                    Record record = folder.get(one, i);
                    NDArray chw = NDImageUtils.toTensor(record.getData().singletonOrThrow());
                    float[] v = chw.toFloatArray();
                    if (v.length != per) {
                        throw new DataException(dir + ": image " + i + " has " + v.length + " values after resizing,"
                                + " expected " + per + " (" + settings.channels() + "x" + side + "x" + side + ")");
                    }
                    System.arraycopy(v, 0, pixels, i * per, per);
                    labels[i] = Math.toIntExact(record.getLabels().singletonOrThrow().getLong());
                } catch (IOException e) {
                    String cls = classOf(i, firstOfClass, ordered);
                    throw new DataException("cannot read an image in class folder " + dir.resolve(cls) + ": "
                            + e.getMessage() + "; remove the file or replace it with a readable image", e);
                }
            }
        }
        return new ImageSet(dir.toString(), pixels, labels, settings.channels(), side, side, classes.size());
    }

    /** Holds out {@code fraction} of each class (at least one image, never all) for testing, seeded. */
    private static DataSplit split(ImageSet all, double fraction, SplittableRandom random) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < all.classes(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            byClass.get(all.labels()[i]).add(i);
        }
        List<Integer> trainIdx = new ArrayList<>();
        List<Integer> testIdx = new ArrayList<>();
        SplittableRandom pick = random.split();
        for (List<Integer> members : byClass) {
            int[] order = permutation(members.size(), pick);
            int nTest = (int) Math.max(1, Math.min(members.size() - 1, Math.round(members.size() * fraction)));
            for (int k = 0; k < order.length; k++) {
                (k < nTest ? testIdx : trainIdx).add(members.get(order[k]));
            }
        }
        String name = all.name();
        ImageSet train = shuffled(select(all, name + " (training share)", trainIdx), random.split());
        ImageSet test = shuffled(select(all, name + " (test share)", testIdx), random.split());
        return new DataSplit(train, test);
    }

    private static ImageSet shuffled(ImageSet set, SplittableRandom random) {
        List<Integer> order = new ArrayList<>();
        for (int i : permutation(set.size(), random)) {
            order.add(i);
        }
        return select(set, set.name(), order);
    }

    private static ImageSet select(ImageSet set, String name, List<Integer> indices) {
        int per = set.pixelsPerImage();
        float[] pixels = new float[indices.size() * per];
        int[] labels = new int[indices.size()];
        for (int k = 0; k < indices.size(); k++) {
            int i = indices.get(k);
            System.arraycopy(set.pixels(), i * per, pixels, k * per, per);
            labels[k] = set.labels()[i];
        }
        return new ImageSet(name, pixels, labels, set.channels(), set.height(), set.width(), set.classes());
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** ImageFolder numbers the images class by class, in class order. */
    private static List<Integer> firstIndices(Map<String, List<Path>> classes) {
        List<Integer> first = new ArrayList<>();
        int i = 0;
        for (List<Path> files : classes.values()) {
            first.add(i);
            i += files.size();
        }
        return first;
    }

    private static String classOf(int index, List<Integer> firstOfClass, Map<String, List<Path>> classes) {
        List<String> names = List.copyOf(classes.keySet());
        int c = 0;
        while (c + 1 < firstOfClass.size() && firstOfClass.get(c + 1) <= index) {
            c++;
        }
        return names.get(c);
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean isImageName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(n.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static String names(TreeSet<String> s) {
        return s.isEmpty() ? "none" : String.join(", ", s);
    }
}

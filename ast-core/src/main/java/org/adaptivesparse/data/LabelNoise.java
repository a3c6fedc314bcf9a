package org.adaptivesparse.data;

import java.util.SplittableRandom;

/**
 * Synthetic label noise: a seeded corruption of the training labels only (the test set stays clean),
 * so that what selection does with wrong labels can be measured. The same seed gives the same
 * corrupted labels, so every policy of a run trains on the same noisy set.
 */
public final class LabelNoise {
    /** How a corrupted label is chosen. */
    public enum Kind {
        /** Uniformly among the other classes. */
        SYMMETRIC("symmetric", "a wrong class drawn uniformly among the others"),
        /**
         * Class-dependent: class k always becomes class k + 1 (the last becomes the first), the
         * "pair flip" of Han et al. 2018 (co-teaching), as neighbouring classes are confused in
         * real data.
         */
        PAIRS("pairs", "each class flips to a fixed neighbour: class k becomes k + 1 (mod classes)");

        private final String id;
        private final String description;

        Kind(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    /**
     * A split whose training labels were corrupted, and which ones.
     *
     * @param split     the training set with its corrupted labels, and the clean test set
     * @param corrupted per training sample, whether its label was changed
     */
    public record Noisy(DataSplit split, boolean[] corrupted) {
        /** The share of training labels that were changed. */
        public double share() {
            int n = 0;
            for (boolean c : corrupted) {
                n += c ? 1 : 0;
            }
            return corrupted.length == 0 ? 0 : (double) n / corrupted.length;
        }
    }

    private LabelNoise() {
    }

    /**
     * Corrupts each training label with probability {@code rate}.
     *
     * @param rate in [0, 1); 0 returns the split unchanged (and no label marked)
     * @param seed chooses the labels and their replacements
     */
    public static Noisy apply(DataSplit data, double rate, Kind kind, long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("label noise rate " + rate + " is out of range; allowed: 0 to below 1");
        }
        ImageSet train = data.train();
        boolean[] corrupted = new boolean[train.size()];
        if (rate == 0) {
            return new Noisy(data, corrupted);
        }
        if (kind == null) {
            throw new IllegalArgumentException("label noise kind is not set");
        }
        int classes = train.classes();
        int[] labels = train.labels().clone();
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x6A09E667L);
        for (int i = 0; i < labels.length; i++) {
            if (rnd.nextDouble() < rate) {
                int wrong = kind == Kind.PAIRS ? (labels[i] + 1) % classes
                        : (labels[i] + 1 + rnd.nextInt(classes - 1)) % classes;
                labels[i] = wrong;
                corrupted[i] = true;
            }
        }
        String name = train.name() + " (" + Math.round(rate * 100) + "% " + kind.id() + " label noise)";
        return new Noisy(new DataSplit(train.withNoisyLabels(name, labels, corrupted), data.test()), corrupted);
    }
}

package org.adaptivesparse.experiment;

import ai.djl.nn.Block;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.result.OneTimeCost;
import org.adaptivesparse.selection.Permutations;
import org.adaptivesparse.selection.ReferenceLosses;
import org.adaptivesparse.selection.ReferenceOptions;
import org.adaptivesparse.training.ProgressListener;
import org.adaptivesparse.training.ReferenceTraining;

/**
 * The reference model of a {@code reducible} or {@code filter} experiment, once per seed, before its
 * policies train: splits the holdout off the training set (the same samples for every policy, chosen by
 * the seed), trains the experiment's network on it and scores the rest; or, with
 * {@code referenceHoldout 0}, trains two models on the two halves, each scoring the other. The scores
 * and what they cost are cached under {@code cacheDir/reference-models}, keyed by the data, the network's
 * structure, the seed and the reference settings, so the cost is paid once per data set, seed and
 * holdout.
 */
final class ReferencePreparation {
    private static final int FORMAT = 1;

    /**
     * What a seed's policies train on.
     *
     * @param policies  the split every policy but {@code random-all} trains on: the training set without the holdout
     * @param all       the split {@code random-all} trains on: the whole training set
     * @param reference the irreducible loss of every sample of {@code policies}' training set, and its cost
     */
    record Prepared(DataSplit policies, DataSplit all, ReferenceLosses reference) {
    }

    private ReferencePreparation() {
    }

    static Prepared prepare(ExperimentConfig seeded, DataSplit data, Supplier<Block> blocks, ProgressListener listener) {
        ImageSet train = data.train();
        int n = train.size();
        double holdout = seeded.get(ReferenceOptions.HOLDOUT);
        int[] order = Permutations.shuffled(n, new SplittableRandom(seeded.seed() * 31 + 10));
        int held = holdout > 0 ? (int) Math.max(1, Math.round(holdout * n)) : n / 2;
        if (held < seeded.batchSize() || n - held < seeded.batchSize()) {
            throw new org.adaptivesparse.config.ConfigException("referenceHoldout", "referenceHoldout " + fmt(holdout) + " of " + n + " training samples"
                    + " leaves " + Math.min(held, n - held) + " samples on one side, fewer than one batch ("
                    + seeded.batchSize() + "); use more data or another referenceHoldout");
        }
        int[] first = sorted(Arrays.copyOfRange(order, 0, held));
        int[] rest = sorted(Arrays.copyOfRange(order, held, n));
        ImageSet firstSet = train.select(train.name() + (holdout > 0 ? " (reference holdout)" : " (first half)"), first);
        ImageSet restSet = train.select(train.name() + (holdout > 0 ? " (without the reference holdout)"
                : " (second half)"), rest);
        ExperimentConfig ref = referenceConfig(seeded);
        Path file = cacheFile(seeded, ref, data, blocks, holdout);
        ReferenceLosses cached = read(file, holdout > 0 ? rest.length : n);
        ReferenceLosses losses;
        if (cached != null) {
            losses = cached;
        } else if (holdout > 0) {
            ReferenceTraining.Outcome o = ReferenceTraining.trainAndScore(ref, firstSet, restSet, data.test(), blocks);
            losses = new ReferenceLosses(o.losses(), new OneTimeCost(o.seconds(), o.steps(), held, ref.epochs(),
                    o.accuracy(), false));
            cacheWritten(file, losses, seeded, listener);
        } else {
            ReferenceTraining.Outcome a = ReferenceTraining.trainAndScore(ref, firstSet, restSet, data.test(), blocks);
            ReferenceTraining.Outcome b = ReferenceTraining.trainAndScore(ref, restSet, firstSet, data.test(), blocks);
            float[] all = new float[n];
            for (int i = 0; i < rest.length; i++) {
                all[rest[i]] = a.losses()[i];
            }
            for (int i = 0; i < first.length; i++) {
                all[first[i]] = b.losses()[i];
            }
            losses = new ReferenceLosses(all, new OneTimeCost(a.seconds() + b.seconds(), a.steps() + b.steps(), n,
                    ref.epochs(), (a.accuracy() + b.accuracy()) / 2, false));
            cacheWritten(file, losses, seeded, listener);
        }
        listener.info("[" + seeded.name() + "] " + describe(seeded, losses.cost(), holdout, held, n, file));
        DataSplit policies = holdout > 0 ? new DataSplit(restSet, data.test()) : data;
        return new Prepared(policies, data, losses);
    }

    private static void cacheWritten(Path file, ReferenceLosses losses, ExperimentConfig seeded,
            ProgressListener listener) {
        String failure = write(file, losses);
        if (failure != null) {
            listener.warn("[" + seeded.name() + "] the reference model's scores could not be cached in " + file
                    + " (" + failure + "); the next run builds them again. Set cacheDir to a writable directory");
        }
    }

    /**
     * The reference model's configuration: the experiment's optimizer, referenceEpochs of full training,
     * from the experiment's initialParameters when it is the experiment's own network.
     */
    private static ExperimentConfig referenceConfig(ExperimentConfig seeded) {
        ExperimentConfig.Builder b = seeded.toBuilder().epochs(seeded.get(ReferenceOptions.EPOCHS)).warmupEpochs(0)
                .modeDefaults().lrWarmupEpochs(0).evalsPerEpoch(1);
        // initialParameters are the network under test's: another reference network starts from scratch
        return (seeded.get(ReferenceOptions.MODEL).isEmpty() ? b : b.initialParameters(null)).build();
    }

    private static String describe(ExperimentConfig seeded, OneTimeCost c, double holdout, int held, int n, Path file) {
        String trained = (holdout > 0 ? "trained " + c.epochs() + " epochs on " + held + " held-out samples ("
                + fmt(holdout * 100) + "% of " + n + ")" : "two models, each trained " + c.epochs() + " epochs on"
                + " one half of the " + n + " samples and scoring the other");
        String cost = String.format(Locale.ROOT, "one-time cost %.1f s, %d steps, test accuracy %.3f", c.seconds(),
                c.steps(), c.accuracy());
        String where = c.cached() ? "; read from " + file + " (the cost is the building's)" : "";
        String rest = holdout > 0 ? "; every policy trains on the other " + (n - held) + " samples"
                + (seeded.controls().contains(org.adaptivesparse.config.Policy.RANDOM_ALL)
                        ? " (random-all on all " + n + ")" : "") : "";
        String model = seeded.get(ReferenceOptions.MODEL).isEmpty() ? seeded.modelLabel()
                : seeded.get(ReferenceOptions.MODEL);
        return "reference model, seed " + seeded.seed() + ": " + model + " " + trained + ", " + cost
                + where + rest;
    }

    private static Path cacheFile(ExperimentConfig seeded, ExperimentConfig ref, DataSplit data,
            Supplier<Block> blocks, double holdout) {
        ImageSet t = data.train();
        String key = String.join("|", "v" + FORMAT, seeded.modelLabel(), seeded.get(ReferenceOptions.MODEL),
                String.valueOf(blocks.get()),
                String.valueOf(ref.learningRate()), ref.lrSchedule().toString(), String.valueOf(ref.epochs()),
                String.valueOf(ref.batchSize()), String.valueOf(seeded.seed()), String.valueOf(holdout),
                String.valueOf(seeded.initialParameters()), t.name(), String.valueOf(t.size()),
                t.sampleShape().toString(), String.valueOf(Arrays.hashCode(t.pixels())),
                String.valueOf(Arrays.hashCode(t.labels())), String.valueOf(t.classes()),
                String.valueOf(Arrays.hashCode(data.test().labels())));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return seeded.cacheDir().resolve("reference-models").resolve(HexFormat.of().formatHex(h, 0, 16) + ".losses");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached losses, or null when there are none or the file cannot be read (then they are rebuilt). */
    static ReferenceLosses read(Path file, int expected) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file); DataInputStream d = new DataInputStream(in)) {
            if (d.readInt() != FORMAT) {
                return null;
            }
            int n = d.readInt();
            if (n != expected) {
                return null;
            }
            float[] losses = new float[n];
            for (int i = 0; i < n; i++) {
                losses[i] = d.readFloat();
            }
            OneTimeCost c = new OneTimeCost(d.readDouble(), d.readLong(), d.readInt(), d.readInt(), d.readDouble(), true);
            return new ReferenceLosses(losses, c);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Writes the losses through a temporary file, so a cut-off write never leaves a half file behind;
     * the reason it could not, or null.
     */
    static String write(Path file, ReferenceLosses r) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "losses", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); DataOutputStream d = new DataOutputStream(out)) {
                d.writeInt(FORMAT);
                d.writeInt(r.losses().length);
                for (float v : r.losses()) {
                    d.writeFloat(v);
                }
                OneTimeCost c = r.cost();
                d.writeDouble(c.seconds());
                d.writeLong(c.steps());
                d.writeInt(c.samples());
                d.writeInt(c.epochs());
                d.writeDouble(c.accuracy());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs a rebuild next time, not the run
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    private static int[] sorted(int[] a) {
        Arrays.sort(a);
        return a;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

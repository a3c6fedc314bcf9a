package org.adaptivesparse.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.selection.ImageTensors;
import org.adaptivesparse.selection.ReferenceLosses;

/**
 * A split's training and test sets, copied once into NDArrays of one manager and shared by every
 * policy of an experiment, and the fixed test subset evaluated between epoch ends.
 *
 * @param train      the training set
 * @param test       the whole test set, evaluated at the end of every epoch
 * @param evalSubset a fixed, seeded subset of the test set (the whole test set when no limit is set)
 * @param corrupted  per training sample, whether synthetic label noise changed its label; null without noise
 * @param reference  each training sample's irreducible loss, for a mode with a reference model; else null
 */
public record TrainingTensors(ImageTensors train, ImageTensors test, ImageTensors evalSubset, boolean[] corrupted,
        ReferenceLosses reference) {

    /** Tensors of data without synthetic label noise. */
    public TrainingTensors(ImageTensors train, ImageTensors test, ImageTensors evalSubset) {
        this(train, test, evalSubset, null, null);
    }

    /** These tensors with the training samples' irreducible losses. */
    public TrainingTensors withReference(ReferenceLosses losses) {
        if (losses != null && losses.losses().length != train.size()) {
            throw new IllegalArgumentException(losses.losses().length + " reference losses for " + train.size()
                    + " training samples");
        }
        return new TrainingTensors(train, test, evalSubset, corrupted, losses);
    }

    /** Whether the training sample at {@code index} had its label changed by synthetic noise (false without noise). */
    public boolean mislabelled(long index) {
        return corrupted != null && corrupted[(int) index];
    }

    /**
     * @param evalLimit test samples in {@link #evalSubset()}, 0 for the whole test set
     * @param seed      chooses the subset; the same seed gives the same subset
     */
    public static TrainingTensors of(NDManager m, DataSplit d, int evalLimit, long seed) {
        ImageTensors test = tensors(m, d.test());
        ImageTensors subset = test;
        if (evalLimit > 0 && evalLimit < test.size()) {
            long[] chosen = new SplittableRandom(seed * 31 + 5).longs(0, test.size()).distinct().limit(evalLimit)
                    .sorted().toArray();
            NDList gathered = test.gather(m, chosen);
            int[] labels = Arrays.stream(chosen).mapToInt(i -> test.labelIds()[(int) i]).toArray();
            subset = new ImageTensors(gathered.get(0), gathered.get(1), labels, test.classes());
        }
        return new TrainingTensors(tensors(m, d.train()), test, subset, d.train().corrupted(), null);
    }

    /** A set's samples and labels as NDArrays of {@code m}. */
    static ImageTensors tensors(NDManager m, ImageSet s) {
        NDArray images = m.create(s.pixels(), new Shape(s.size()).addAll(s.sampleShape()));
        long[] l = new long[s.size()];
        int[] src = s.labels();
        for (int i = 0; i < l.length; i++) {
            l[i] = src[i];
        }
        return new ImageTensors(images, m.create(l), src, s.classes());
    }
}

package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * A data set's images and labels, copied once into NDArrays, with the labels also on the Java side.
 *
 * @param images   shape (N, C, H, W)
 * @param labels   shape (N), integer class per sample
 * @param labelIds the same labels as a Java array
 * @param classes  number of classes
 */
public record ImageTensors(NDArray images, NDArray labels, int[] labelIds, int classes) {
    /** Images per inference call when a whole set is swept (evaluation, a stale-loss refresh). */
    public static final int SWEEP_BATCH = 256;

    /** Number of samples. */
    public int size() {
        return labelIds.length;
    }

    /** The images and labels of the samples at {@code indices}, in that order, created in {@code manager}. */
    public NDList gather(NDManager manager, long[] indices) {
        long[] l = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            l[i] = labelIds[(int) indices[i]];
        }
        NDArray x = images.get(manager, new NDIndex("{}", manager.create(indices)));
        return new NDList(x, manager.create(l));
    }
}

package org.adaptivesparse.selection;

/**
 * Rearranges an epoch's shuffled order so that every batch holds an equal share of the samples
 * chosen for the epoch ({@code round(target * n)} spread over the batches, 12 or 13 of 128 at 10 %):
 * the step count and the sub-batch size then stay those of the per-batch {@code random} control.
 */
final class EpochSpread {
    private EpochSpread() {
    }

    /**
     * @param order     the epoch's shuffled permutation, rearranged in place
     * @param picked    the chosen samples, in the order they are to appear
     * @param chosen    {@code chosen[i]} is true for every sample in {@code picked}
     * @param batchSize samples per batch
     */
    static void spread(int[] order, int[] picked, boolean[] chosen, int batchSize) {
        int n = order.length;
        int budget = picked.length;
        int[] others = new int[n - budget];
        int o = 0;
        for (int i : order) {
            if (!chosen[i]) {
                others[o++] = i;
            }
        }
        int batches = (n + batchSize - 1) / batchSize;
        int p = 0;
        o = 0;
        int pos = 0;
        for (int b = 0; b < batches; b++) {
            int size = Math.min(batchSize, n - b * batchSize);
            int want = (int) ((long) (b + 1) * budget / batches) - (int) ((long) b * budget / batches);
            want = Math.min(want, size);
            for (int k = 0; k < want; k++) {
                order[pos++] = picked[p++];
            }
            for (int k = want; k < size; k++) {
                order[pos++] = o < others.length ? others[o++] : picked[p++];
            }
        }
    }

    /** The positions in {@code batch} of chosen samples, ascending; null when the batch holds none. */
    static int[] positions(long[] batch, boolean[] chosen) {
        int[] active = new int[batch.length];
        int k = 0;
        for (int i = 0; i < batch.length; i++) {
            if (chosen[(int) batch[i]]) {
                active[k++] = i;
            }
        }
        return k == 0 ? null : java.util.Arrays.copyOf(active, k);
    }
}

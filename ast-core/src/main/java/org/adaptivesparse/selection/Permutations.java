package org.adaptivesparse.selection;

import java.util.SplittableRandom;

/** Seeded Fisher–Yates shuffles: the one way epochs, passes and picks are put in random order. */
public final class Permutations {
    private Permutations() {
    }

    /** {@code 0 .. n-1} in an order drawn from {@code random}. */
    public static int[] shuffled(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    /** Shuffles {@code a} in place, drawing {@code a.length - 1} numbers from {@code random}. */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}

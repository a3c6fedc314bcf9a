package org.adaptivesparse.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for a misspelt name: the nearest known name by edit distance, when it is near enough. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * {@code " did you mean targetActivation?"}, or an empty string when no known name is within a
     * third of the name's length (at least 1 edit) of {@code name}.
     */
    public static String didYouMean(String name, Collection<String> known) {
        String best = nearest(name, known);
        return best == null ? "" : " did you mean " + best + "?";
    }

    /** The known name nearest to {@code name}, ignoring case, or null when none is near. */
    public static String nearest(String name, Collection<String> known) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, n.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(n, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

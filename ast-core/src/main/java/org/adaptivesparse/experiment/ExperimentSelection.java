package org.adaptivesparse.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.adaptivesparse.config.Suggestions;

/**
 * Which experiments to run when a CI matrix puts one (or a few) on each runner, e.g.
 * {@code -Dast.experiments=cnn,mlp}. The names are the experiments' names; an unknown one is an error
 * that lists the names there are.
 */
public final class ExperimentSelection {
    private ExperimentSelection() {
    }

    /**
     * The indexes into {@code names} of the experiments selected by {@code requested}, in
     * {@code names}' order.
     *
     * @param names     every configured experiment's name, in order
     * @param requested a comma-separated list of names; null or blank selects all
     * @throws IllegalArgumentException naming the unknown name, with a suggestion and the names there are
     */
    public static List<Integer> select(List<String> names, String requested) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            all.add(i);
        }
        if (requested == null || requested.isBlank()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>();
        Arrays.stream(requested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(wanted::add);
        for (String w : wanted) {
            if (!names.contains(w)) {
                throw new IllegalArgumentException("'" + w + "' is not an experiment of this build;"
                        + Suggestions.didYouMean(w, names) + " the experiments are: " + String.join(", ", names));
            }
        }
        return all.stream().filter(i -> wanted.contains(names.get(i))).toList();
    }
}

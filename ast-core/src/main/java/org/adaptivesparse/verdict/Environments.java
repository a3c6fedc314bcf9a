package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.result.EnvironmentInfo;

/**
 * Where the baseline and the current run were measured, and which baseline rule that allows. The
 * same seed, settings and environment give the same figures only when libtorch runs one thread, so
 * only then is an unexplained change in either direction a finding; elsewhere the noise-aware rule
 * alone applies.
 *
 * @param baseline the baseline entry's {@link EnvironmentInfo#fingerprint()}, null when it has none
 * @param current  the current run's fingerprint, null when unknown
 */
record Environments(Map<String, String> baseline, Map<String, String> current) {

    static Environments of(Map<String, String> baseline, EnvironmentInfo current) {
        return new Environments(baseline, current == null ? null : current.fingerprint());
    }

    /** Both known, nothing unknown in either, and equal. */
    boolean same() {
        return baseline != null && current != null && !baseline.containsValue(EnvironmentInfo.UNKNOWN)
                && baseline.equals(current);
    }

    /** The same environment with one libtorch thread: the figures reproduce bit for bit. */
    boolean deterministic() {
        return same() && "1".equals(current.get("threads"));
    }

    /** What differs, e.g. {@code cpuFlags sha256:1a… in the baseline, sha256:2b… here}. */
    List<String> differences() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : current.entrySet()) {
            String b = baseline.getOrDefault(e.getKey(), EnvironmentInfo.UNKNOWN);
            if (!b.equals(e.getValue()) || b.equals(EnvironmentInfo.UNKNOWN)) {
                out.add(e.getKey() + " " + b + " in the baseline, " + e.getValue() + " here");
            }
        }
        return out;
    }

    /** One sentence for the report: which rule the environments allow, and why. */
    String note(BaselineRules rules) {
        if (baseline == null) {
            return "the baseline does not record where it was made (written by an older AST): noise-aware rule only;"
                    + " regenerate it to hold runs in the same environment to sameEnvironmentTolerance";
        }
        if (current == null) {
            return "this run's environment is unknown: noise-aware rule only";
        }
        if (deterministic()) {
            return "same environment as the baseline (" + current.get("cpuModel") + ", " + current.get("cpuFlags")
                    + ", " + current.get("engine") + ", 1 libtorch thread): every seed must reproduce its accuracy"
                    + " within sameEnvironmentTolerance " + Fmt.ratio(rules.sameEnvironmentTolerance());
        }
        if (same()) {
            return "same environment as the baseline, but " + current.get("threads") + " libtorch threads do not"
                    + " reproduce bit for bit: noise-aware rule only";
        }
        return "different environment (" + String.join("; ", differences()) + "): noise-aware rule only";
    }
}

package org.adaptivesparse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.Detectable;
import org.adaptivesparse.result.Verdict;

/**
 * What the gate could see, as every output shows it: one line per comparison's detectable drop (the
 * Maven log, summary.md) and one row per gated figure for the report's baseline section, with the
 * values compared and what "passed" meant.
 */
public final class GateSight {
    /** The method, as the outputs state it under the lines. */
    public static final String METHOD = "detectable drop: the smallest drop the seeds (or the history's runs) tell"
            + " from their own noise, a one-sided Student-t bound at 95 %: t(0.95, nb + nc - 2) x pooled sd x"
            + " sqrt(1/nb + 1/nc) against the baseline, t(0.95, n - 1) x sd / sqrt(n) paired against a control,"
            + " t(0.95, N - 1) x sd x sqrt(1 + 1/N) against N earlier runs; the exact same-environment rule sees"
            + " sameEnvironmentTolerance";

    private GateSight() {
    }

    /** Every comparison's detectable-drop sentence once, then which history series was used. */
    public static List<String> lines(Verdict verdict) {
        if (verdict == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Check c : verdict.checks()) {
            if (c.detectable() != null && !c.rule().equals("refuseBlindGate")) {
                out.add(c.detectable().text());
            }
        }
        List<String> lines = new ArrayList<>(out);
        if (verdict.history() != null) {
            lines.add("history: " + verdict.history().text());
        }
        return lines;
    }

    /**
     * One row per baseline or history comparison of a gated figure: the figure, the comparison, the values
     * compared, this run's, the detectable drop, the tolerance and what the outcome meant.
     */
    public static List<Map<String, Object>> rows(Verdict verdict) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (verdict == null) {
            return rows;
        }
        for (Check c : verdict.checks()) {
            Detectable d = c.detectable();
            if (d == null || c.kind().equals(Check.THRESHOLD) || c.rule().equals("refuseBlindGate")) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("figure", d.figure());
            row.put("against", c.kind().equals(Check.HISTORY) ? "history (" + d.baselineSeeds() + " runs)"
                    : c.rule());
            row.put("baseline", values(d, d.baselineValues()));
            row.put("current", values(d, d.currentValues()));
            row.put("drop", d.format(d.drop()));
            row.put("method", d.method());
            row.put("tolerance", Double.isNaN(d.tolerance()) ? "—" : d.toleranceName() + " " + d.format(d.tolerance()));
            row.put("meaning", d.meaning(c.held()));
            row.put("blind", d.blind());
            rows.add(row);
        }
        return rows;
    }

    private static String values(Detectable d, List<Double> v) {
        return v.isEmpty() ? "—" : v.stream().map(d::format).collect(Collectors.joining(", "));
    }
}

package org.adaptivesparse.report;

import org.adaptivesparse.config.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.Spread;

/**
 * What a sweep over activation targets says: for each selection mode of AST and for {@code random},
 * one point per target, time (x) against final accuracy (y), medians over seeds with their range, and
 * {@code full} once as the reference. Time is the training-loop seconds to {@code targetAccuracy}, or,
 * without one, the whole run's training-loop seconds.
 *
 * <p>Within a series, a point is on the <em>frontier</em> when no other target of the same series is
 * both no later and at least as accurate (and better in one). The <em>best target</em> of a series is
 * the quickest of its targets whose median final accuracy is within {@link #tolerance()} of the most
 * accurate target of that series: the cheapest budget that gives up no more than that.
 *
 * @param timeToTarget   true when time is the time to {@code targetAccuracy}
 * @param targetAccuracy the accuracy timed, or null
 * @param tolerance      {@code maxAccuracyDropVsFull}, or {@link #DEFAULT_TOLERANCE} when unset
 * @param points         every series' points, series in run order, targets ascending
 * @param full           the {@code full} reference, or null when it did not run
 * @param best           each series' best point, by series name; absent when none of its points has a time
 */
public record TradeOff(boolean timeToTarget, Double targetAccuracy, double tolerance, List<Point> points, Point full,
        Map<String, Point> best) {
    /** The accuracy a best target may give up when {@code maxAccuracyDropVsFull} is not set. */
    public static final double DEFAULT_TOLERANCE = 0.01;

    /**
     * One policy at one target, over seeds.
     *
     * @param series   {@code ast (fresh)}, {@code random} or {@code full}
     * @param policy   {@code ast}, {@code random}, {@code full}
     * @param target   the activation target, null for {@code full}
     * @param seeds    how many seeds ran
     * @param reached  on how many of them the time exists (the target accuracy was reached)
     * @param seconds  median seconds over seeds, a seed that did not reach the target counting as later than
     *                 any that did; null when the median seed did not reach it
     * @param secondsMin fastest seed that reached it (NaN when none did)
     * @param secondsMax slowest seed that reached it (NaN when none did)
     * @param accuracy final test accuracy over seeds
     * @param frontier true when no other target of the series is both no later and at least as accurate
     */
    public record Point(String series, Policy policy, Double target, int seeds, int reached, Double seconds,
            double secondsMin, double secondsMax, Spread accuracy, boolean frontier) {
        /** True when the point has a time, so it can be drawn and ranked. */
        public boolean timed() {
            return seconds != null;
        }

        Point onFrontier(boolean f) {
            return new Point(series, policy, target, seeds, reached, seconds, secondsMin, secondsMax, accuracy, f);
        }
    }

    /** The trade-off of a sweep; empty for a result that is not one. */
    public static Optional<TradeOff> of(ExperimentResult result) {
        if (!result.isSweep()) {
            return Optional.empty();
        }
        Double targetAccuracy = result.configured(Options.TARGET_ACCURACY).orElse(null);
        double tolerance = result.configured(Options.MAX_ACCURACY_DROP_VS_FULL).orElse(DEFAULT_TOLERANCE);
        Map<String, List<RunResult>> bySeriesAndTarget = new LinkedHashMap<>();
        List<RunResult> fullRuns = new ArrayList<>();
        for (RunResult r : result.runs()) {
            if (r.targetActivation() == null) {
                if (r.policy() == Policy.FULL) {
                    fullRuns.add(r);
                }
                continue;
            }
            bySeriesAndTarget.computeIfAbsent(series(r) + "\u0000" + r.targetActivation(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Point>> series = new LinkedHashMap<>();
        for (List<RunResult> runs : bySeriesAndTarget.values()) {
            RunResult first = runs.get(0);
            series.computeIfAbsent(series(first), k -> new ArrayList<>())
                    .add(point(series(first), first.policy(), first.targetActivation(), runs, targetAccuracy));
        }
        List<Point> points = new ArrayList<>();
        Map<String, Point> best = new LinkedHashMap<>();
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            List<Point> marked = frontier(e.getValue().stream()
                    .sorted((a, b) -> Double.compare(a.target(), b.target())).toList());
            points.addAll(marked);
            best(marked, tolerance).ifPresent(p -> best.put(e.getKey(), p));
        }
        Point full = fullRuns.isEmpty() ? null : point("full", Policy.FULL, null, fullRuns, targetAccuracy);
        return Optional.of(new TradeOff(targetAccuracy != null, targetAccuracy, tolerance, List.copyOf(points), full,
                best));
    }

    /** The series a run belongs to: {@code ast (fresh)}, {@code ast (stale)}, {@code random}. */
    static String series(RunResult r) {
        return r.selection() == null ? r.policy().id() : r.policy().id() + " (" + r.selection() + ")";
    }

    /**
     * The recommended target: the best point of AST's series (of the most accurate one when several
     * selection modes ran); empty when no AST point has a time.
     */
    public Optional<Point> recommended() {
        return best.values().stream().filter(p -> p.policy() == Policy.AST)
                .max((a, b) -> Double.compare(a.accuracy().median(), b.accuracy().median()));
    }

    /**
     * The target whose runs the rest of a sweep's report shows in detail: the recommended one, or the
     * lowest when none is recommended.
     */
    public double detailTarget(ExperimentResult sweep) {
        return recommended().map(Point::target).orElse(sweep.targets().get(0));
    }

    /**
     * The sweep's point at {@link #detailTarget} as an experiment under the sweep's own name and
     * verdict, for the parts of the reports that describe one experiment (tables, charts, dashboards).
     */
    public ExperimentResult detail(ExperimentResult sweep) {
        ExperimentResult p = sweep.atTarget(detailTarget(sweep));
        return p.toBuilder().name(sweep.name()).verdict(sweep.verdict()).build();
    }

    /** The points of one series, targets ascending. */
    public List<Point> series(String name) {
        return points.stream().filter(p -> p.series().equals(name)).toList();
    }

    /** The series names, in run order (AST's first). */
    public List<String> seriesNames() {
        return points.stream().map(Point::series).distinct().toList();
    }

    /** The rule that picks the best target, in one sentence, for the report and summary. */
    public String rule() {
        return String.format(Locale.ROOT, "best target: of a policy's targets with a median time, the quickest whose"
                + " median final accuracy is within %.3f of that policy's most accurate target (%s)", tolerance,
                tolerance == DEFAULT_TOLERANCE ? "maxAccuracyDropVsFull is unset, so " + DEFAULT_TOLERANCE
                        : "maxAccuracyDropVsFull");
    }

    /** A point's time as the report and summary show it: {@code 12.3 [11.0–13.1]}, or {@code not reached (1/3)}. */
    static String time(Point p) {
        if (!p.timed()) {
            return "not reached (" + p.reached() + "/" + p.seeds() + ")";
        }
        return p.seeds() > 1 ? String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", p.seconds(), p.secondsMin(), p.secondsMax())
                : String.format(Locale.ROOT, "%.1f", p.seconds());
    }

    /**
     * {@code ast (fresh): 3.0 [2.8–3.4] s to 0.700, reached on 3/3 seeds, final accuracy 0.839 [0.838–0.840]}:
     * a point's figures in one line, for summary.md and the build log.
     */
    public String figures(Point p) {
        return p.series() + ": " + time(p) + " " + timeLabel().replace("training s", "s")
                + (timeToTarget ? ", reached on " + p.reached() + "/" + p.seeds() + " seeds" : "")
                + ", final accuracy " + Formats.ratio(p.accuracy().median())
                + (p.seeds() > 1 ? " [" + Formats.ratio(p.accuracy().min()) + "–" + Formats.ratio(p.accuracy().max()) + "]"
                        : "");
    }

    /**
     * Empty, or the plain fact that {@code full} was no later and at least as accurate as the
     * recommended target (medians): then sparse training bought nothing at this size, and the report
     * says so beside the recommendation instead of leaving it to the reader of the chart.
     */
    public Optional<String> fullDominates() {
        Point f = full();
        Point r = recommended().orElse(null);
        if (f == null || r == null || !f.timed() || !r.timed() || f.seconds() > r.seconds()
                || f.accuracy().median() < r.accuracy().median()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "full training was no later (%.1f s against %.1f s) and at least"
                + " as accurate (%s against %s) as the recommended target: at this size sparse training saves nothing",
                f.seconds(), r.seconds(), Formats.ratio(f.accuracy().median()), Formats.ratio(r.accuracy().median())));
    }

    /** The recommendation in one line of plain text, or why there is none. */
    public String recommendation() {
        return recommended().map(p -> "recommended target " + ExperimentResult.percent(p.target()) + " \u2014 "
                + figures(p)).orElse("no recommended target: AST reached " + (targetAccuracy == null ? "no point"
                        : Formats.ratio(targetAccuracy) + " at no target") + " on its median seed");
    }

    /** What the x axis measures, for the report and summary. */
    public String timeLabel() {
        return timeToTarget ? "training s to " + Formats.ratio(targetAccuracy) : "training s (whole run)";
    }

    private static Point point(String series, Policy policy, Double target, List<RunResult> runs,
            Double targetAccuracy) {
        double[] times = runs.stream().mapToDouble(r -> {
            Double t = targetAccuracy == null ? Double.valueOf(r.totalTrainSeconds()) : r.timeToTargetSeconds();
            return t == null ? Double.POSITIVE_INFINITY : t;
        }).sorted().toArray();
        double[] reached = Arrays.stream(times).filter(Double::isFinite).toArray();
        int n = times.length;
        double median = n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
        Spread accuracy = Spread.of(runs.stream().mapToDouble(RunResult::finalAccuracy).toArray());
        return new Point(series, policy, target, n, reached.length, Double.isFinite(median) ? median : null,
                reached.length == 0 ? Double.NaN : reached[0],
                reached.length == 0 ? Double.NaN : reached[reached.length - 1], accuracy, false);
    }

    /** Marks the timed points no other timed point of the same list dominates. */
    static List<Point> frontier(List<Point> points) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = !p.timed() || points.stream().filter(q -> q != p && q.timed()).anyMatch(q ->
                    q.seconds() <= p.seconds() && q.accuracy().median() >= p.accuracy().median()
                            && (q.seconds() < p.seconds() || q.accuracy().median() > p.accuracy().median()));
            out.add(p.onFrontier(!dominated));
        }
        return out;
    }

    /** The quickest timed point within {@code tolerance} of the most accurate timed one (ties: the more accurate). */
    static Optional<Point> best(List<Point> points, double tolerance) {
        List<Point> timed = points.stream().filter(Point::timed).toList();
        double top = timed.stream().mapToDouble(p -> p.accuracy().median()).max().orElse(Double.NaN);
        return timed.stream().filter(p -> p.accuracy().median() >= top - tolerance - 1e-12)
                .min((a, b) -> a.seconds().equals(b.seconds())
                        ? Double.compare(b.accuracy().median(), a.accuracy().median())
                        : Double.compare(a.seconds(), b.seconds()));
    }
}

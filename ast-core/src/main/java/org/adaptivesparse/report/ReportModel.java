package org.adaptivesparse.report;

import org.adaptivesparse.config.Policy;
import org.adaptivesparse.stats.PairedTest;
import org.adaptivesparse.config.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.OneTimeCost;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.Violation;

/** The figures every report format shows, formatted once so HTML, Markdown and index agree. */
final class ReportModel {
    private ReportModel() {
    }

    static String color(Policy policy) {
        return switch (policy) {
            case AST -> "#2563eb";
            case FULL -> "#475569";
            case RANDOM -> "#d97706";
            case RANDOM_BATCH -> "#b45309";
            case RANDOM_EPOCH -> "#f59e0b";
            case RANDOM_ALL -> "#92400e";
        };
    }

    static String metricLabel(String metric) {
        int at = metric.indexOf('@'); // a sweep's point: accuracy@10%
        if (at > 0) {
            return metricLabel(metric.substring(0, at)) + " at " + metric.substring(at + 1);
        }
        return switch (metric) {
            case "accuracy" -> "Final accuracy (AST)";
            case "activation" -> "Activation (AST)";
            case "modeledSavings" -> "Energy savings (modeled)";
            case "speedupVsFull" -> "Speedup vs full (measured)";
            case "accuracyDeltaVsFull" -> "Accuracy vs full (measured)";
            case "selectionLift" -> "Selection lift (AST)";
            case "samplesSeen" -> "Samples seen, all policies";
            default -> metric.startsWith("accuracySeed") ? "Final accuracy (AST), seed " + metric.substring(12) : metric;
        };
    }

    /** {@code status} pass, fail or unchecked; {@code label}; {@code violations} as messages. */
    static Map<String, Object> verdict(ExperimentResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.verdict() == null) {
            m.put("status", "unchecked");
            m.put("label", "NOT CHECKED");
            m.put("violations", List.of());
        } else {
            m.put("status", r.verdict().passed() ? "pass" : "fail");
            m.put("label", r.verdict().passed() ? "PASS" : "FAIL");
            m.put("violations", r.verdict().violations().stream().map(Violation::message).toList());
        }
        return m;
    }

    /** The measured figures and the modeled one, kept apart. */
    static Map<String, Object> headline(ExperimentResult r) {
        Comparison c = r.comparison();
        RunResult ast = r.run(Policy.AST).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, String>> measured = new ArrayList<>();
        measured.add(Map.of("label", "Speedup vs full", "value", Formats.speedup(c == null ? null : c.speedupVsFull()),
                "note", "median epoch training-loop seconds, full / AST"));
        measured.add(Map.of("label", "Speedup vs random", "value", Formats.speedup(c == null ? null : c.speedupVsRandom()),
                "note", "median epoch seconds, random / AST; below 1x, AST is slower per epoch than a random subset"));
        r.configured(Options.TARGET_ACCURACY).ifPresent(target -> {
            for (Policy control : List.of(Policy.RANDOM, Policy.FULL)) {
                if (r.run(control).isEmpty()) {
                    continue;
                }
                boolean random = control == Policy.RANDOM;
                Double ratio = c == null ? null : random ? c.timeToTargetVsRandom() : c.timeToTargetVsFull();
                PairedTest t = c == null ? null : random ? c.firstToTargetVsRandom() : c.firstToTargetVsFull();
                measured.add(Map.of("label", "Time to " + Formats.ratio(target) + " vs " + control, "value",
                        ratio == null ? "—" : Formats.speedup(ratio), "note", firstNote(control, t, r.seedCount())
                                + samplingNote(r, control)));
            }
            if (ast != null && ast.oneTimeCost() != null) {
                for (Policy control : List.of(Policy.RANDOM, Policy.RANDOM_ALL)) {
                    if (r.run(control).isPresent()) {
                        Double ratio = pairedTimeRatio(r, control, RunResult::timeToTargetWithOneTimeSeconds);
                        measured.add(Map.of("label", "Time to " + Formats.ratio(target) + " vs " + control
                                + ", with the one-time cost", "value", ratio == null ? "—" : Formats.speedup(ratio),
                                "note", "(AST's training seconds to the target + its reference model's one-time cost)"
                                        + " / " + control + "'s seconds to the target; median over the seeds both reached it"));
                    }
                }
                r.run(Policy.RANDOM_ALL).ifPresent(x -> {
                    Double ratio = pairedTimeRatio(r, Policy.RANDOM_ALL, RunResult::timeToTargetSeconds);
                    measured.add(Map.of("label", "Time to " + Formats.ratio(target) + " vs random-all", "value",
                            ratio == null ? "—" : Formats.speedup(ratio), "note", "AST's training seconds to the"
                                    + " target / those of random trained on all samples, the reference model's holdout"
                                    + " included; median over the seeds both reached it"));
                });
            }
        });
        measured.add(Map.of("label", "Accuracy vs full", "value",
                Formats.signedRatio(c == null ? null : c.accuracyDeltaVsFull()), "note", "AST final minus full final"));
        measured.add(Map.of("label", "Accuracy vs random", "value",
                Formats.signedRatio(c == null ? null : c.accuracyDeltaVsRandom()), "note",
                "AST final minus random final" + samplingNote(r, Policy.RANDOM)));
        int seeds = r.seedCount();
        String overSeeds = seeds > 1 ? "; median of " + seeds + " seeds" : "";
        measured.add(Map.of("label", "Final accuracy (AST)", "value",
                Formats.ratio(r.spread(Policy.AST, RunResult::finalAccuracy).median()), "note",
                "test set, last epoch" + overSeeds));
        m.put("measured", measured);
        m.put("savings", Formats.percent(r.spread(Policy.AST, RunResult::modeledSavings).median()));
        m.put("activation", Formats.percent(r.spread(Policy.AST, RunResult::activationRate).median()));
        m.put("modeledNote", modeledNote(r));
        return m;
    }

    /**
     * The median over seeds of AST's {@code seconds} / {@code control}'s plain time to target, paired by
     * seed among the seeds where both reached it; null when none did.
     */
    static Double pairedTimeRatio(ExperimentResult r, Policy control, java.util.function.Function<RunResult, Double> seconds) {
        List<Double> ratios = new ArrayList<>();
        for (RunResult a : r.runs(Policy.AST)) {
            r.runs(control).stream().filter(c -> java.util.Objects.equals(c.seed(), a.seed())).findFirst().ifPresent(c -> {
                Double s = seconds.apply(a);
                if (s != null && c.timeToTargetSeconds() != null && c.timeToTargetSeconds() > 0) {
                    ratios.add(s / c.timeToTargetSeconds());
                }
            });
        }
        return ratios.isEmpty() ? null : org.adaptivesparse.stats.Spread.of(ratios.stream().mapToDouble(Double::doubleValue)
                .toArray()).median();
    }

    /** {@code AST got there first on 5 of 8 seeds (sign test p = 0.36)}, or why there is no ratio. */
    static String firstNote(Policy control, PairedTest t, int seeds) {
        String base = "AST's training seconds to the target / " + control + "'s";
        if (t == null) {
            return base;
        }
        int decided = t.wins() + t.losses() + t.ties();
        String s = base + "; AST first on " + t.wins() + " of " + seeds + " seed" + (seeds == 1 ? "" : "s");
        if (decided < seeds) {
            s += " (" + (seeds - decided) + " where neither reached it)";
        }
        if (seeds > 1) {
            s += String.format(java.util.Locale.ROOT, ", sign test p = %.3f, Wilcoxon p = %.3f", t.signP(), t.wilcoxonP());
        }
        return s;
    }

    /** {@code ; random drew epoch: without replacement}, or nothing for another control or an old result. */
    static String samplingNote(ExperimentResult r, Policy control) {
        return r.run(control).map(RunResult::selection).filter(x -> control == Policy.RANDOM)
                .map(x -> "; random drew " + sampling(x)).orElse("");
    }

    /** The one line that says what "modeled" means. */
    static String modeledNote(ExperimentResult r) {
        Map<String, Object> settings = r.settings() == null ? Map.of() : r.settings();
        Object a = settings.get("energyActive");
        Object s = settings.get("energySkipped");
        return "Energy savings are modeled from sample counts (energyActive " + Formats.value(a)
                + " per trained sample, energySkipped " + Formats.value(s)
                + " per skipped sample), not measured; speedup and accuracy are measured.";
    }

    /** Time to the target per policy (rows) and seed (columns): seconds and trained samples, or "not reached". */
    static Map<String, Object> timeToTargetTable(ExperimentResult r) {
        List<String> seeds = r.runs(Policy.AST).stream()
                .map(run -> run.seed() == null ? "—" : String.valueOf(run.seed()))
                .toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Policy policy : r.policies()) {
            List<String> cells = new ArrayList<>();
            for (RunResult run : r.runs(policy)) {
                cells.add(run.timeToTargetSeconds() == null ? "not reached"
                        : Formats.seconds(run.timeToTargetSeconds()) + " · " + Formats.count(run.samplesToTarget())
                                + " trained · " + run.stepsToTarget() + " steps" + withOneTime(run));
            }
            rows.add(Map.of("policy", policy, "color", color(policy), "cells", cells));
        }
        return Map.of("seeds", seeds, "rows", rows);
    }

    /**
     * A run's name in tables: {@code ast (stale)}, {@code random (epoch: without replacement)}, so a
     * reader sees which sampling the {@code random} every "vs random" figure is measured against used.
     */
    static String label(RunResult run) {
        if (run.selection() == null) {
            return run.policy().id();
        }
        return switch (run.policy()) {
            case AST -> "ast (" + run.selection() + ")";
            case RANDOM -> "random (" + sampling(run.selection()) + ")";
            default -> run.policy().id();
        };
    }

    /** {@code epoch: without replacement} or {@code batch: per batch}. */
    static String sampling(String sampling) {
        return switch (sampling) {
            case "epoch" -> "epoch: without replacement";
            case "batch" -> "batch: each batch independently";
            default -> sampling;
        };
    }

    /** One row per run for the side-by-side table. */
    static List<Map<String, String>> runRows(ExperimentResult r) {
        double fullMedian = r.run(Policy.FULL).map(f -> f.medianEpochSeconds(false)).orElse(Double.NaN);
        List<Map<String, String>> rows = new ArrayList<>();
        for (RunResult run : r.runs()) {
            boolean ast = run.policy() == Policy.AST;
            double median = run.medianEpochSeconds(ast);
            Double speedup;
            if (ast && r.comparison() != null && r.comparison().speedupVsFull() != null) {
                speedup = r.comparison().speedupVsFull();
            } else {
                speedup = Double.isFinite(fullMedian) && median > 0 ? fullMedian / median : null;
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("policy", run.policy().id());
            String label = label(run);
            row.put("label", r.seedCount() > 1 && run.seed() != null ? label + " · seed " + run.seed() : label);
            row.put("color", color(run.policy()));
            row.put("accuracy", Formats.ratio(run.finalAccuracy()));
            row.put("testLoss", Formats.loss(run.finalTestLoss()));
            row.put("totalSeconds", Formats.seconds(run.totalTrainSeconds()));
            row.put("medianSeconds", Formats.seconds(median));
            row.put("speedup", Formats.speedup(speedup));
            row.put("trained", Formats.count(run.trainedSamples()));
            row.put("activation", Formats.percent(run.activationRate()));
            row.put("savings", Formats.percent(run.modeledSavings()));
            row.put("mislabelled", Formats.percent(run.mislabelledShare()));
            row.put("diverged", run.diverged() == null ? "" : run.diverged());
            row.put("timeToTarget", run.timeToTargetSeconds() == null ? "not reached"
                    : Formats.seconds(run.timeToTargetSeconds()) + " (" + Formats.count(run.samplesToTarget())
                            + " trained, " + run.stepsToTarget() + " steps)" + withOneTime(run));
            row.put("oneTime", oneTime(run));
            rows.add(row);
        }
        return rows;
    }

    /** {@code " · 52.3 s with the one-time cost"} for a run with a one-time cost, else "". */
    private static String withOneTime(RunResult run) {
        return run.oneTimeCost() == null || run.timeToTargetSeconds() == null ? ""
                : " · " + Formats.seconds(run.timeToTargetWithOneTimeSeconds()) + " with the one-time cost";
    }

    /** What the run's reference model cost once, in words; "" for runs without one. */
    static String oneTime(RunResult run) {
        OneTimeCost c = run.oneTimeCost();
        if (c == null) {
            return "";
        }
        return Formats.seconds(c.seconds()) + ", " + c.steps() + " steps (reference model: " + Formats.count(c.samples())
                + " samples, " + c.epochs() + " epochs, test accuracy " + Formats.ratio(c.accuracy())
                + (c.cached() ? "; read from the cache, cost as built" : "") + ")";
    }
}

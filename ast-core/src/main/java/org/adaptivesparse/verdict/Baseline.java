package org.adaptivesparse.verdict;

import org.adaptivesparse.config.Policy;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.EnvironmentInfo;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.JsonFiles;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.SettingValues;
import org.adaptivesparse.result.TextFiles;

/**
 * The committed baseline file ({@code ast-baseline.json}): one entry per experiment, keyed by
 * experiment name, so a project with several experiments commits one file.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param experiments   entries by experiment name, sorted so the file diffs cleanly
 */
public record Baseline(int schemaVersion, Map<String, Entry> experiments) {
    /** The baseline schema version this build writes; it reads version 1 too (one seed, no environment). */
    public static final int SCHEMA_VERSION = 2;
    /** The conventional file name. */
    public static final String FILE_NAME = "ast-baseline.json";

    public Baseline {
        experiments = experiments == null ? Map.of() : new TreeMap<>(experiments);
    }

    /**
     * One experiment's accepted figures. The headline figures are medians over the run's seeds;
     * {@code perSeed} keeps every seed's values, so a later run is judged against the baseline's own
     * spread, and {@code environment} says where they were measured. Entries written before either
     * was recorded (one seed, unknown environment) still load.
     *
     * @param experiment          the experiment name
     * @param createdAt           ISO-8601 instant the entry was written
     * @param gitCommit           the commit the accepted run was measured on, when known
     * @param settings            the run's {@link ExperimentResult#settings()}; a later run is comparable only with equal settings
     * @param accuracy            AST's final test accuracy, median over seeds
     * @param activation          AST's activation over the whole run, median over seeds
     * @param modeledSavings      AST's modeled energy savings over the whole run, median over seeds
     * @param speedupVsFull       measured speedup against full (median over seeds), null without a full control
     * @param accuracyDeltaVsFull AST accuracy minus full's (median over seeds), null without a full control
     * @param selectionLift       AST's last-epoch selection lift, median over seeds; null when not measured
     * @param perSeed             every seed's figures, in seed order; null in older files
     * @param environment         {@link EnvironmentInfo#fingerprint()} of the run; null in older files
     */
    public record Entry(String experiment, String createdAt, String gitCommit, Map<String, Object> settings,
            double accuracy, double activation, double modeledSavings, Double speedupVsFull,
            Double accuracyDeltaVsFull, Double selectionLift, List<SeedFigures> perSeed,
            Map<String, String> environment) {

        /** The headline figures of {@code result}, stamped {@code createdAt}. */
        public static Entry of(ExperimentResult result, Instant createdAt) {
            var c = result.comparison();
            List<RunResult> asts = result.runs(Policy.AST);
            List<SeedFigures> seeds = new ArrayList<>();
            for (int i = 0; i < asts.size(); i++) {
                RunResult ast = asts.get(i);
                Map<String, Long> seen = new TreeMap<>();
                Map<String, Long> trained = new TreeMap<>();
                for (Policy policy : result.policies()) {
                    List<RunResult> runs = result.runs(policy);
                    if (i < runs.size()) {
                        seen.put(policy.id(), runs.get(i).samples());
                        trained.put(policy.id(), runs.get(i).trainedSamples());
                    }
                }
                seeds.add(new SeedFigures(ast.seed(), ast.finalAccuracy(), ast.modeledSavings(),
                        finite(ast.finalSelectionLift()), seen, trained));
            }
            double lift = result.spread(Policy.AST, RunResult::finalSelectionLift).median();
            return new Entry(result.name(), createdAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                    result.environment() == null ? null : result.environment().gitCommit(),
                    SettingValues.normalize(result.settings()),
                    result.spread(Policy.AST, RunResult::finalAccuracy).median(),
                    result.spread(Policy.AST, RunResult::activationRate).median(),
                    result.spread(Policy.AST, RunResult::modeledSavings).median(), c == null ? null : c.speedupVsFull(),
                    c == null ? null : c.accuracyDeltaVsFull(), finite(lift), seeds,
                    result.environment() == null ? null : result.environment().fingerprint());
        }

        /** Every seed's figures; an older single-seed entry reads as one seed of unknown number. */
        public List<SeedFigures> seeds() {
            return perSeed != null && !perSeed.isEmpty() ? perSeed
                    : List.of(new SeedFigures(null, accuracy, modeledSavings, selectionLift, null, null));
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /**
     * One seed's figures in a baseline entry.
     *
     * @param seed           the seed, null in entries written before seeds
     * @param accuracy       AST's final test accuracy
     * @param modeledSavings AST's modeled savings
     * @param selectionLift  AST's last-epoch selection lift, null when not measured
     * @param samplesSeen    samples each policy saw over the run, by policy id; null in older entries
     * @param trainedSamples samples each policy trained (forward and backward), by policy id; null likewise
     */
    public record SeedFigures(Long seed, double accuracy, double modeledSavings, Double selectionLift,
            Map<String, Long> samplesSeen, Map<String, Long> trainedSamples) {
    }

    /** The entry of the named experiment, if the file has one. */
    public Optional<Entry> entry(String experiment) {
        return Optional.ofNullable(experiments.get(experiment));
    }

    /**
     * Reads a baseline file.
     *
     * @throws AstFileException naming the file when it is missing, not valid JSON or of an unknown version
     */
    public static Baseline read(Path file) {
        String text = TextFiles.read(file, "create it with mvn ast:baseline (or Baseline.write) from an accepted run");
        JsonObject o = JsonFiles.parseVersioned(file, text, SCHEMA_VERSION);
        JsonElement experiments = o.get("experiments");
        if (experiments != null && !experiments.isJsonNull() && !experiments.isJsonObject()) {
            throw new AstFileException(file, file + " is not a valid AST baseline: 'experiments' should be an object"
                    + " of entries by experiment name, but it is " + (experiments.isJsonArray() ? "an array" : experiments));
        }
        for (Map.Entry<String, JsonElement> e : experiments != null && experiments.isJsonObject()
                ? experiments.getAsJsonObject().entrySet() : java.util.Set.<Map.Entry<String, JsonElement>>of()) {
            if (!e.getValue().isJsonObject()) {
                throw new AstFileException(file, file + " is not a valid AST baseline: experiment '" + e.getKey()
                        + "' should be an object, but it is " + e.getValue());
            }
        }
        Baseline b;
        try {
            b = JsonFiles.gson().fromJson(o, Baseline.class);
        } catch (RuntimeException e) {
            throw new AstFileException(file, file + " is not a valid AST baseline: " + JsonFiles.detail(e), e);
        }
        for (Map.Entry<String, Entry> e : b.experiments().entrySet()) {
            if (e.getValue() == null || e.getValue().settings() == null) {
                throw new AstFileException(file, file + " is not a valid AST baseline: experiment '" + e.getKey()
                        + "' has no settings");
            }
        }
        return b;
    }

    /**
     * Writes {@code result}'s figures as its experiment's entry, keeping every other experiment's
     * entry in the file. Creates the file and its parent directories when absent. An explicit
     * action only: nothing in a normal run calls it.
     *
     * @return the entry written
     * @throws AstFileException when the existing file is malformed (it is left untouched) or cannot be written
     */
    public static Entry write(Path file, ExperimentResult result) {
        return write(file, result, Instant.now());
    }

    /**
     * Writes every point of one experiment ({@link ExperimentResult#points()}: the result itself, or a
     * sweep's {@code name@target} points) and removes that experiment's other entries, such as a sweep
     * point no longer in its {@code targets}, so the file holds exactly what the run measured. Other
     * experiments' entries are kept.
     *
     * @return the names of the entries removed, sorted (empty when none)
     * @throws AstFileException when the existing file is malformed (it is left untouched) or cannot be written
     */
    public static List<String> writeExperiment(Path file, ExperimentResult result) {
        Map<String, Entry> all = entries(file);
        Instant now = Instant.now();
        Map<String, Entry> fresh = new TreeMap<>();
        for (ExperimentResult point : result.points()) {
            fresh.put(point.name(), Entry.of(point, now));
        }
        List<String> removed = new ArrayList<>();
        for (String name : all.keySet()) {
            if (!fresh.containsKey(name) && ExperimentResult.isPointOf(name, result.name())) {
                removed.add(name);
            }
        }
        removed.forEach(all::remove);
        all.putAll(fresh);
        save(file, all);
        return removed;
    }

    /** {@link #write(Path, ExperimentResult)} with an explicit creation time. */
    public static Entry write(Path file, ExperimentResult result, Instant createdAt) {
        Map<String, Entry> all = entries(file);
        Entry entry = Entry.of(result, createdAt);
        all.put(result.name(), entry);
        save(file, all);
        return entry;
    }

    /** The entries of the baseline at {@code file}, as a mutable map; empty when there is no file yet. */
    private static Map<String, Entry> entries(Path file) {
        Map<String, Entry> all = new TreeMap<>();
        if (Files.exists(file)) {
            all.putAll(read(file).experiments());
        }
        return all;
    }

    private static void save(Path file, Map<String, Entry> all) {
        TextFiles.write(file, JsonFiles.gson().toJson(new Baseline(SCHEMA_VERSION, all)) + "\n");
    }
}

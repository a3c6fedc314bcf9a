package org.adaptivesparse.result;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.stats.Spread;

/**
 * Everything an experiment produced: its configuration, where it ran, every policy's run, the
 * measured comparison and the verdict. Serialised to {@code result.json} by {@code ResultJson}.
 *
 * @param schemaVersion    version of the JSON schema, {@link #SCHEMA_VERSION}
 * @param name             experiment name as the user wrote it
 * @param description      free text
 * @param startedAt        ISO-8601 instant the experiment started
 * @param settings         the settings that decide the figures (baseline comparability)
 * @param configuration    every configuration value, for display
 * @param environment      where it ran
 * @param runs             AST first, then the controls in configured order
 * @param comparison       measured side-by-side figures
 * @param verdict          thresholds and baseline applied; null before checking
 */
public record ExperimentResult(int schemaVersion, String name, String description, String startedAt,
        Map<String, Object> settings, Map<String, Object> configuration, EnvironmentInfo environment,
        List<RunResult> runs, Comparison comparison, Verdict verdict) {

    /** The JSON schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ExperimentResult {
        runs = List.copyOf(runs);
    }

    /** The AST run. */
    public RunResult ast() {
        return run("ast").orElseThrow(() -> new IllegalStateException("result '" + name + "' has no ast run"));
    }

    /** The run of the given policy id ({@code ast}, {@code full}, {@code random}), if it ran. */
    public Optional<RunResult> run(String policy) {
        return runs.stream().filter(r -> r.policy().equals(policy)).findFirst();
    }

    /** Every run of the given policy, one per seed, in seed order. */
    public List<RunResult> runs(String policy) {
        return runs.stream().filter(r -> r.policy().equals(policy)).toList();
    }

    /** The policies that ran, AST first, each once. */
    public List<String> policies() {
        return runs.stream().map(RunResult::policy).distinct().toList();
    }

    /** How many seeds every policy ran on (1 for results written before seeds). */
    public int seedCount() {
        return Math.max(1, runs("ast").size());
    }

    /**
     * A figure of one policy over its seeds: median, min and max of {@code figure} applied to each of
     * its runs (NaN values left out). Thresholds, baselines and headlines read figures this way, so a
     * result of several seeds is judged by its median, not by its first seed.
     */
    public Spread spread(String policy, ToDoubleFunction<RunResult> figure) {
        return Spread.of(runs(policy).stream().mapToDouble(figure).toArray());
    }

    /** The control of the given id; throws naming the controls that did run when it is absent. */
    public RunResult control(String policy) {
        return run(policy).orElseThrow(() -> new IllegalArgumentException("no '" + policy + "' control ran in '"
                + name + "'; add it to controls (ran: " + runs.stream().map(RunResult::policy).toList() + ")"));
    }

    /**
     * A setting that decides the figures, typed by its option; empty when the result does not record it
     * (only {@link Option#isComparable comparable} options are in {@link #settings()}).
     */
    public <T> Optional<T> setting(Option<T> option) {
        return settings == null ? Optional.empty() : option.fromReported(settings.get(option.name()));
    }

    /** Any configured value shown in the report's configuration table, typed by its option; empty when absent. */
    public <T> Optional<T> configured(Option<T> option) {
        return configuration == null ? Optional.empty() : option.fromReported(configuration.get(option.name()));
    }

    /** A copy with the given verdict. */
    public ExperimentResult withVerdict(Verdict v) {
        return new ExperimentResult(schemaVersion, name, description, startedAt, settings, configuration, environment,
                runs, comparison, v);
    }
}

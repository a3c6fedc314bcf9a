package org.adaptivesparse.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
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
 * @param runs             AST first, then the controls in configured order; in a sweep, per seed AST at
 *                         every target, then each control ({@code full} once, {@code random} at every target)
 * @param comparison       measured side-by-side figures; null for a sweep, whose {@link #points() points}
 *                         each have their own
 * @param verdict          thresholds and baseline applied; null before checking
 * @param sweep            a sweep's points with their side-by-side figures, ascending by target; empty
 *                         otherwise (and in results written before sweeps)
 */
public record ExperimentResult(int schemaVersion, String name, String description, String startedAt,
        Map<String, Object> settings, Map<String, Object> configuration, EnvironmentInfo environment,
        List<RunResult> runs, Comparison comparison, Verdict verdict, List<SweepPoint> sweep) {

    /** The JSON schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ExperimentResult {
        runs = List.copyOf(runs);
        sweep = List.copyOf(sweep);
    }

    /** A result that is not a sweep. */
    public ExperimentResult(int schemaVersion, String name, String description, String startedAt,
            Map<String, Object> settings, Map<String, Object> configuration, EnvironmentInfo environment,
            List<RunResult> runs, Comparison comparison, Verdict verdict) {
        this(schemaVersion, name, description, startedAt, settings, configuration, environment, runs, comparison,
                verdict, List.of());
    }

    /** A builder holding every field of this result, to change a few. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a result with some fields changed, instead of its eleven positional arguments. */
    public static final class Builder {
        private final int schemaVersion;
        private final String description;
        private final String startedAt;
        private final EnvironmentInfo environment;
        private String name;
        private Map<String, Object> settings;
        private Map<String, Object> configuration;
        private List<RunResult> runs;
        private Comparison comparison;
        private Verdict verdict;
        private List<SweepPoint> sweep;

        private Builder(ExperimentResult r) {
            schemaVersion = r.schemaVersion;
            description = r.description;
            startedAt = r.startedAt;
            environment = r.environment;
            name = r.name;
            settings = r.settings;
            configuration = r.configuration;
            runs = r.runs;
            comparison = r.comparison;
            verdict = r.verdict;
            sweep = r.sweep;
        }

        public Builder name(String v) { name = v; return this; }
        /** The settings that decide the figures and the configuration shown. */
        public Builder settings(Map<String, Object> settings, Map<String, Object> configuration) {
            this.settings = settings;
            this.configuration = configuration;
            return this;
        }
        public Builder runs(List<RunResult> v) { runs = v; return this; }
        public Builder comparison(Comparison v) { comparison = v; return this; }
        public Builder verdict(Verdict v) { verdict = v; return this; }
        public Builder sweep(List<SweepPoint> v) { sweep = v; return this; }

        public ExperimentResult build() {
            return new ExperimentResult(schemaVersion, name, description, startedAt, settings, configuration,
                    environment, runs, comparison, verdict, sweep);
        }
    }

    /**
     * One point of a sweep: its activation target and what its runs measured side by side.
     *
     * @param targetActivation the target AST and random trained at
     * @param comparison       AST at this target against full and random at this target
     */
    public record SweepPoint(double targetActivation, Comparison comparison) {
    }

    /** The AST run. */
    public RunResult ast() {
        return run(Policy.AST).orElseThrow(() -> new IllegalStateException("result '" + name + "' has no ast run"));
    }

    /** The (first seed's) run of the given policy, if it ran. */
    public Optional<RunResult> run(Policy policy) {
        return runs.stream().filter(r -> r.policy() == policy).findFirst();
    }

    /** Every run of the given policy, one per seed, in seed order. */
    public List<RunResult> runs(Policy policy) {
        return runs.stream().filter(r -> r.policy() == policy).toList();
    }

    /** The policies that ran, AST first, each once. */
    public List<Policy> policies() {
        return runs.stream().map(RunResult::policy).distinct().toList();
    }

    /** How many seeds every policy ran on (1 for results written before seeds). */
    public int seedCount() {
        List<RunResult> ast = runs(Policy.AST);
        Double first = ast.isEmpty() ? null : ast.get(0).targetActivation();
        return Math.max(1, (int) ast.stream().filter(r -> Objects.equals(r.targetActivation(), first)).count());
    }

    /** True for a sweep over activation targets ({@code targets}): AST and random ran at each. */
    public boolean isSweep() {
        return !sweep.isEmpty();
    }

    /** A sweep's activation targets, ascending, as its runs record them; empty for an experiment that is not a sweep. */
    public List<Double> targets() {
        return runs.stream().map(RunResult::targetActivation).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /**
     * The experiment each point of a sweep amounts to, one per target in ascending order (see
     * {@link #atTarget(double)}); for an experiment that is not a sweep, itself.
     */
    public List<ExperimentResult> points() {
        if (!isSweep()) {
            return List.of(this);
        }
        return targets().stream().map(this::atTarget).toList();
    }

    /**
     * One point of a sweep as an experiment of its own: the runs at {@code target} and the runs of no
     * target ({@code full}), named {@code <name>@<target>} (see {@link #pointName}), with
     * {@code targetActivation} in its settings and configuration, and the point's comparison from
     * {@link #sweep()}. No verdict: each point is judged on its own.
     */
    public ExperimentResult atTarget(double target) {
        List<RunResult> at = runs.stream()
                .filter(r -> r.targetActivation() == null || Math.abs(r.targetActivation() - target) < 1e-12).toList();
        Comparison c = sweep.stream().filter(p -> Math.abs(p.targetActivation() - target) < 1e-12)
                .map(SweepPoint::comparison).findFirst().orElse(null);
        return toBuilder().name(pointName(name, target)).settings(withTarget(settings, target),
                withTarget(configuration, target)).runs(at).comparison(c).verdict(null).sweep(List.of()).build();
    }

    /** {@code cnn@10%}: the name of a sweep's point in reports, messages and the baseline file. */
    public static String pointName(String experiment, double target) {
        return experiment + "@" + percent(target);
    }

    /**
     * Whether {@code name} is {@code experiment} itself or one of its points ({@code mlp-sweep@10%} of
     * {@code mlp-sweep}; {@code mlp} is neither of {@code mlp-sweep}).
     */
    public static boolean isPointOf(String name, String experiment) {
        return name.equals(experiment) || name.startsWith(experiment + "@");
    }

    /** {@code 10%}, {@code 2.5%}: a target as the sweep's names and messages show it. */
    public static String percent(double target) {
        String s = String.format(Locale.ROOT, "%.2f", 100 * target).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }

    private static Map<String, Object> withTarget(Map<String, Object> m, double target) {
        if (m == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put(Options.TARGET_ACTIVATION.name(), target);
        return out;
    }

    /**
     * A figure of one policy over its seeds: median, min and max of {@code figure} applied to each of
     * its runs (NaN values left out). Thresholds, baselines and headlines read figures this way, so a
     * result of several seeds is judged by its median, not by its first seed.
     */
    public Spread spread(Policy policy, ToDoubleFunction<RunResult> figure) {
        return Spread.of(runs(policy).stream().mapToDouble(figure).toArray());
    }

    /** The control of the given id ({@code random}), for tests that name it; see {@link #control(Policy)}. */
    public RunResult control(String id) {
        return control(Policy.parse("policy", id));
    }

    /** The control of the given policy; throws naming the controls that did run when it is absent. */
    public RunResult control(Policy policy) {
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
        return toBuilder().verdict(v).build();
    }
}

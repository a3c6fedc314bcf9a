package org.adaptivesparse.config;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Where the AST policy's per-sample scores come from, and the options that come with it: a selection
 * mode owns its options. Each mode is one class in the {@code selection} package that declares its
 * options ({@link OptionSpec}), says which are comparable, lists them here, and builds its strategy
 * from a settings record of its own; {@code SelectionModes} there lists the modes, one line each.
 *
 * <p>The configuration reads that list through {@link ServiceLoader} ({@link Catalog}), so the
 * {@code config} package names no mode: {@link Options#all()} holds the core options followed by
 * every mode's own, and the {@code selection} option takes the modes' ids. A mode's option applies
 * (is comparable, and is documented as "with ... selection") only while its mode is selected.
 */
public interface SelectionMode extends Choice {
    /** The word users write after {@code selection}: {@code stale}. */
    @Override
    String id();

    /**
     * The options this mode reads beyond the core's, in the order they are checked; options shared
     * with another mode (the same {@link Option} object) are listed by both.
     */
    List<Option<?>> options();

    /**
     * Whether this mode scores samples with a reference model trained once per seed before the runs
     * ({@code reducible}, {@code filter}): the runner then holds out the samples it trains on from
     * every policy alike, and the {@code random-all} control may be listed.
     */
    default boolean usesReferenceModel() {
        return false;
    }

    /** The list of modes; implemented once, in the {@code selection} package, and found with {@link ServiceLoader}. */
    interface Catalog {
        /** Every mode, the default first. */
        List<? extends SelectionMode> modes();
    }

    /** Every mode, the default ({@code fresh}) first. */
    static List<SelectionMode> all() {
        return Registry.MODES;
    }

    /** The mode of that id, any case; {@code selection 'x' is not a selection mode; allowed: fresh, ...}. */
    static SelectionMode parse(String field, String value) {
        List<SelectionMode> modes = all();
        return Choices.parse(field, value, modes.toArray(new SelectionMode[0]), SelectionMode::id, "a selection mode");
    }

    /** True when some mode lists {@code option}: it is a mode's own, not a core option. */
    static boolean isModeOption(Option<?> option) {
        return Registry.OPTIONS.contains(option);
    }

    /** The modes' ids and descriptions for the {@code selection} option: {@code fresh (...), stale (...) or importance (...)}. */
    static String describeAll() {
        List<String> each = all().stream().map(m -> m.id() + " (" + m.description() + ")").toList();
        return each.size() == 1 ? each.get(0) : String.join(", ", each.subList(0, each.size() - 1)) + " or "
                + each.get(each.size() - 1);
    }

    /** Loaded once, on first use. */
    final class Registry {
        static final List<SelectionMode> MODES = load();
        static final List<Option<?>> OPTIONS = MODES.stream().flatMap(m -> m.options().stream()).distinct()
                .collect(Collectors.toUnmodifiableList());

        private Registry() {
        }

        private static List<SelectionMode> load() {
            List<SelectionMode> out = new ArrayList<>();
            for (Catalog c : ServiceLoader.load(Catalog.class, SelectionMode.class.getClassLoader())) {
                out.addAll(c.modes());
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no selection mode found: " + Catalog.class.getName()
                        + " has no provider on the class path (META-INF/services)");
            }
            return List.copyOf(out);
        }
    }
}

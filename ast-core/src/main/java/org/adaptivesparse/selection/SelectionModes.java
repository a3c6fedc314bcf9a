package org.adaptivesparse.selection;

import java.util.List;
import org.adaptivesparse.config.SelectionMode;

/**
 * The selection modes, one line each, the default first. The configuration finds this list through
 * {@code META-INF/services} ({@link SelectionMode.Catalog}); adding a mode is a class of its own
 * ({@link AstMode}) and a line here.
 */
public final class SelectionModes implements SelectionMode.Catalog {
    private static final List<AstMode> ALL = List.of(
            new FreshMode(),
            new StaleMode(),
            new ImportanceMode(),
            new SmallLossMode(),
            new ReducibleMode(),
            new FilterMode());

    @Override
    public List<AstMode> modes() {
        return ALL;
    }

    /** The mode the configuration selected, as the strategy factory it is. */
    static AstMode of(SelectionMode mode) {
        for (AstMode m : ALL) {
            if (m.id().equals(mode.id())) {
                return m;
            }
        }
        throw new IllegalArgumentException("selection mode " + mode.id() + " is not listed in SelectionModes");
    }
}

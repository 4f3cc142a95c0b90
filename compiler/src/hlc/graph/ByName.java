package hlc.graph;

import hlc.model.Name;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Spec declarations in name order: the graph must not change when the spec's blocks are moved around. */
final class ByName {
    private ByName() {}

    static <T> List<T> sorted(Collection<T> items, Function<T, Name> name) {
        return items.stream().sorted(Comparator.comparing((T t) -> name.apply(t).text())).toList();
    }
}

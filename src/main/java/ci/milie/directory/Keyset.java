package ci.milie.directory;

import java.util.List;
import java.util.function.Function;

import ci.milie.common.Cursor;
import ci.milie.common.Page;

/** Turns the {@code limit + 1} rows of a keyset query into a page and the cursor of the next one. */
final class Keyset {

    private Keyset() {
    }

    static <E, V> Page<V> page(List<E> rows, int limit, Function<E, String> key, Function<E, V> view) {
        boolean more = rows.size() > limit;
        List<E> items = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(key.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items.stream().map(view).toList(), next);
    }
}

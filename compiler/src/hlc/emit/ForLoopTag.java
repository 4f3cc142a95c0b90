package hlc.emit;

import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.parse.TagToken;
import org.apache.commons.lang3.tuple.Pair;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jinjava's {@code for} tag, reading each loop's {@code x in xs} once per process instead of on every render.
 * Jinjava tokenizes the tag's text into the loop variables and the collection's expression each time the loop
 * runs; that reading depends on the text alone, so it is kept by text (a text Jinjava refuses is not kept, and
 * is refused again on every render, as before).
 */
final class ForLoopTag extends ForTag {
    private static final Map<String, Pair<List<String>, String>> READ = new ConcurrentHashMap<>();

    @Override
    public Pair<List<String>, String> getLoopVarsAndExpression(TagToken token) {
        Pair<List<String>, String> read = READ.get(token.getHelpers());
        if (read == null) {
            Pair<List<String>, String> fresh = super.getLoopVarsAndExpression(token);
            read = Pair.of(List.copyOf(fresh.getLeft()), fresh.getRight());
            READ.put(token.getHelpers(), read);
        }
        return read;
    }
}

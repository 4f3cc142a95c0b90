package hlc.lsp;

import hlc.lsp.SpecAnalyzer.Analysis;
import hlc.lsp.SymbolIndex.Kind;
import hlc.lsp.SymbolIndex.Occurrence;
import hlc.lsp.SymbolIndex.Symbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Go to definition, find references and rename, for every named thing, across the files of a spec. A rename
 * changes the declaration and every reference at once, and is refused when the new name is not a name or is
 * taken already by something a reference could then mean (the same kind in the same scope; a device and a
 * host count as one kind, since a gateway or a BGP peer may name either).
 */
final class Navigation {
    /** The grammar's IDENT: what a declared name may be spelled as. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");

    private Navigation() {}

    static List<Location> definition(Analysis a, Path file, Position p, DocumentStore documents) {
        Occurrence o = a.symbols().at(file, p);
        if (o == null) return List.of();
        return List.of(location(o.symbol().name().span(), documents));
    }

    static List<Location> references(Analysis a, Path file, Position p, boolean includeDeclaration, DocumentStore documents) {
        Occurrence o = a.symbols().at(file, p);
        if (o == null) return List.of();
        List<Location> out = new ArrayList<>();
        for (Occurrence each : a.symbols().occurrencesOf(o.symbol())) {
            if (each.isDeclaration() && !includeDeclaration) continue;
            out.add(location(each.span(), documents));
        }
        return out;
    }

    /** The range a rename would change at the cursor, or null when there is nothing to rename there. */
    static org.eclipse.lsp4j.Range renameRange(Analysis a, Path file, Position p) {
        Occurrence o = a.symbols().at(file, p);
        return o == null ? null : Positions.range(o.span());
    }

    static WorkspaceEdit rename(Analysis a, Path file, Position p, String newName, DocumentStore documents) {
        Occurrence o = a.symbols().at(file, p);
        if (o == null) throw refused("there is nothing to rename here: put the cursor on a declared name or a reference to one");
        Symbol s = o.symbol();
        if (!NAME.matcher(newName).matches()) {
            throw refused("`" + newName + "` is not a name: start with a letter or `_`, then letters, digits, `-` or `_`");
        }
        Symbol clash = clash(a.symbols(), s, newName);
        if (clash != null) {
            throw refused("cannot rename " + s.kind().label + " `" + s.text() + "` to `" + newName + "`: "
                    + clash.kind().label + " `" + newName + "` is declared already at "
                    + clash.name().span().path() + ":" + clash.name().span().line());
        }
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        for (Occurrence each : a.symbols().occurrencesOf(s)) {
            changes.computeIfAbsent(documents.uriOf(each.span().file().path()), k -> new ArrayList<>())
                    .add(new TextEdit(Positions.range(each.span()), newName));
        }
        return new WorkspaceEdit(changes);
    }

    private static Symbol clash(SymbolIndex ix, Symbol s, String newName) {
        if (newName.equals(s.text())) return null;
        Set<Kind> kinds = s.kind() == Kind.HOST || s.kind() == Kind.DEVICE ? Set.of(Kind.HOST, Kind.DEVICE) : Set.of(s.kind());
        for (Kind k : kinds) {
            Symbol other = ix.find(k, s.scope(), newName);
            if (other != null) return other;
        }
        return null;
    }

    private static ResponseErrorException refused(String why) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, why, null));
    }

    static Location location(hlc.diag.Span span, DocumentStore documents) {
        return new Location(documents.uriOf(span.file().path()), Positions.range(span));
    }
}

package hlc.lsp;

import hlc.lsp.SpecAnalyzer.Analysis;
import hlc.lsp.SymbolIndex.Kind;
import hlc.model.Network;
import hlc.model.Service;
import hlc.parse.Choices;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completion: at an attribute position, the attributes the grammar allows in that block; in a slot that names
 * something, the declared names of that kind; in a slot with fixed choices, the choices; in an address slot,
 * the next free addresses of the network the line puts the address on (of every network, when the line names
 * none yet).
 */
final class CompletionProvider {
    /** How many free addresses to offer for one network. */
    private static final int FREE_ADDRESSES = 5;

    /** Slots that name a declared thing: the keyword before the slot, and the kinds it may name. */
    private static final Map<String, List<Kind>> NAMED = Map.ofEntries(
            Map.entry("public-network", List.of(Kind.NETWORK)), Map.entry("cluster-network", List.of(Kind.NETWORK)),
            Map.entry("node-network", List.of(Kind.NETWORK)), Map.entry("gateway", List.of(Kind.DEVICE, Kind.HOST)),
            Map.entry("peer", List.of(Kind.DEVICE, Kind.HOST)), Map.entry("target", List.of(Kind.SERVICE, Kind.DEVICE)),
            Map.entry("storage", List.of(Kind.STORAGE_CLASS)), Map.entry("uses", List.of(Kind.SERVICE)),
            Map.entry("depends", List.of(Kind.APP)), Map.entry("for", List.of(Kind.APP)), Map.entry("nfs", List.of(Kind.EXPORT)));

    /** Slots with fixed choices: the same lists the model builder checks the values against. */
    private static final Map<String, List<String>> CHOICES = Map.ofEntries(
            Map.entry("role", Choices.ROLES), Map.entry("cni", Choices.CNIS),
            Map.entry("failure-domain", Choices.FAILURE_DOMAINS), Map.entry("filesystem", Choices.FILESYSTEMS),
            Map.entry("reclaim", Choices.RECLAIM), Map.entry("bond", Choices.BOND_MODES),
            Map.entry("gpu", Choices.GPU_DRIVERS), Map.entry("layout", Choices.FLUX_LAYOUTS),
            Map.entry("binding", Choices.BINDING_MODES), Map.entry("policy", Choices.DNS_POLICIES),
            Map.entry("volume", Choices.SYSTEM_VOLUMES), Map.entry("announce", Choices.ANNOUNCEMENTS),
            Map.entry("data-locality", Choices.DATA_LOCALITIES), Map.entry("recurring", Choices.RECURRING_TASKS),
            Map.entry("democratic-csi", Choices.DEMOCRATIC_CSI_KINDS));

    private CompletionProvider() {}

    static List<CompletionItem> complete(Analysis a, String text, Position p) {
        int offset = Positions.offset(text, p);
        CursorContext c = CursorContext.at(text, offset);
        if (c == null || c.rule < GrammarVocabulary.TOP) return List.of();
        Range replace = new Range(Positions.position(text, c.prefixStart), p);
        List<CompletionItem> out = new ArrayList<>();
        String prev = c.listKeyword() != null ? c.listKeyword() : c.back(1);
        if (prev == null || isValue(c, prev)) {
            attributes(c, replace, out);
        } else {
            slot(a, c, prev, replace, out);
        }
        out.removeIf(i -> !i.getLabel().startsWith(c.prefix) && !i.getFilterText().startsWith(c.prefix));
        return out;
    }

    /** Whether the token before the cursor ends a value (so an attribute comes next), not a keyword wanting one. */
    private static boolean isValue(CursorContext c, String prev) {
        GrammarVocabulary v = GrammarVocabulary.get();
        if (prev.equals("]")) return true;
        boolean keyword = v.attributes(c.rule).contains(prev) || Set.of("on", "via", "from", "to", "of", "address",
                "export", "backup", "asn", "size", "dhcp").contains(prev) || inlineRule(c) != null && v.attributes(inlineRule(c)).contains(prev);
        if (!keyword) return !(c.back(2) != null && c.back(2).equals("loadbalancer"));
        // `dhcp` alone is a whole interface attribute (a reservation); after a network's `dhcp` an address follows.
        return prev.equals("dhcp") && inlineRule(c) != null;
    }

    /** The rule of an attribute that continues on its line without braces (`interface … on lan address …`). */
    private static Integer inlineRule(CursorContext c) {
        if (c.first() == null || c.rule < GrammarVocabulary.TOP) return null;
        return c.statement.size() > 1 ? GrammarVocabulary.get().nestedRule(c.rule, c.first()) : null;
    }

    private static void attributes(CursorContext c, Range replace, List<CompletionItem> out) {
        Integer inline = inlineRule(c);
        int rule = inline != null ? inline : c.rule;
        for (String kw : GrammarVocabulary.get().attributes(rule)) {
            out.add(item(kw, CompletionItemKind.Keyword, (c.blockKeyword == null ? "block" : GrammarVocabulary.ruleName(rule)), replace, null));
        }
    }

    private static void slot(Analysis a, CursorContext c, String prev, Range replace, List<CompletionItem> out) {
        GrammarVocabulary v = GrammarVocabulary.get();
        String statementKw = c.first();
        if (isAddressSlot(c, prev)) {
            freeAddresses(a, c, replace, out);
            return;
        }
        List<Kind> kinds = switch (prev) {
            case "on" -> switch (statementKw == null ? "" : statementKw) {
                case "static" -> List.of(Kind.HOST);
                case "nfs", "source" -> List.of(Kind.DEVICE);
                default -> List.of(Kind.NETWORK);
            };
            case "dns" -> "network".equals(c.blockKeyword) ? List.of(Kind.DEVICE, Kind.HOST) : List.of();
            case "to" -> "backup".equals(c.blockKeyword) ? List.of(Kind.SERVICE, Kind.DEVICE) : List.of();
            case "via" -> "route".equals(statementKw) ? List.of(Kind.LOAD_BALANCER) : List.of();
            case "from" -> List.of(Kind.SERVICE);
            case "ceph" -> "storage-class".equals(c.blockKeyword) ? List.of(Kind.POOL) : List.of();
            case "export" -> "backup".equals(c.blockKeyword) ? List.of(Kind.EXPORT) : List.of();
            case "backup" -> "source".equals(statementKw) ? List.of(Kind.BACKUP) : List.of();
            default -> NAMED.getOrDefault(prev, List.of());
        };
        for (Kind k : kinds) names(a, k, prev.equals("from"), replace, out);
        List<String> choices = CHOICES.get(prev);
        if (prev.equals("kind")) choices = "device".equals(c.blockKeyword) ? Choices.DEVICE_KINDS : Choices.SERVICE_KINDS;
        if (prev.equals("compression")) choices = "pool".equals(c.blockKeyword) ? Choices.COMPRESSION_MODES : null;
        if (prev.equals("pool") && "network".equals(c.blockKeyword)) choices = Choices.POOL_KINDS;
        if (choices == null && v.takesBool(inlineRule(c) != null ? inlineRule(c) : c.rule, prev)) choices = List.of("true", "false");
        if (choices != null) for (String ch : choices) out.add(item(ch, CompletionItemKind.EnumMember, prev, replace, null));
    }

    private static boolean isAddressSlot(CursorContext c, String prev) {
        if (Set.of("address", "vip", "multus", "cluster-dns").contains(prev)) return true;
        if ("dhcp".equals(prev) && "network".equals(c.blockKeyword)) return true;
        if ("to".equals(prev) && "network".equals(c.blockKeyword)) return true;
        return "loadbalancer".equals(c.back(2)) && c.statement.size() == 2;
    }

    private static void names(Analysis a, Kind k, boolean vaultsOnly, Range replace, List<CompletionItem> out) {
        for (SymbolIndex.Symbol s : a.symbols().symbols(k)) {
            if (vaultsOnly && !(s.declaration() instanceof Service svc && svc.kinds().stream().anyMatch(x -> x.text().equals("vault")))) continue;
            String detail = k.label + (s.scope().isEmpty() ? "" : (k == Kind.APP ? " in " : " of ") + s.scope());
            CompletionItem item = item(s.text(), CompletionItemKind.Reference, detail, replace, null);
            item.setDocumentation(new org.eclipse.lsp4j.MarkupContent("markdown", HoverProvider.describe(s, a)));
            out.add(item);
        }
    }

    /** The next free addresses of the line's network, or of each network when the line names none. */
    private static void freeAddresses(Analysis a, CursorContext c, Range replace, List<CompletionItem> out) {
        if (a.spec == null) return;
        Set<String> used = FreeAddresses.used(a.files);
        String wanted = c.networkOnLine();
        if (wanted == null && ("dhcp".equals(c.back(1)) || "to".equals(c.back(1)))) wanted = c.blockName;
        int order = 0;
        for (Network n : a.spec.networks()) {
            if (wanted != null && !n.name().text().equals(wanted)) continue;
            List<String> free = FreeAddresses.next(n, used, wanted == null ? 1 : FREE_ADDRESSES);
            for (String addr : free) {
                String detail = "free in " + n.name().text() + " (" + n.cidr().text() + ")";
                out.add(item(addr, CompletionItemKind.Value, detail, replace, String.format("%04d", order++)));
            }
        }
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, Range replace, String sort) {
        CompletionItem i = new CompletionItem(label);
        i.setKind(kind);
        i.setDetail(detail);
        i.setFilterText(label);
        i.setTextEdit(Either.forLeft(new TextEdit(replace, label)));
        if (sort != null) i.setSortText(sort);
        return i;
    }
}

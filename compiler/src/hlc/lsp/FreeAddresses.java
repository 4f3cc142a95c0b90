package hlc.lsp;

import hlc.diag.SourceFile;
import hlc.model.Network;
import hlc.parse.gen.HomeLabLexer;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import hlc.parse.SpecTokens;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The next free addresses of a network, for completion in an address slot: inside its CIDR, not the network
 * or broadcast address, not in its DHCP range, and not written anywhere in the spec (a node, a VIP, a load
 * balancer, a device, a gateway, a Multus address…). "Used" is read from the text of every file of the spec,
 * so an address is taken as soon as it is typed, even where the spec does not parse yet.
 */
final class FreeAddresses {
    /** How far past the start of a big network (an IPv6 /64) to look before giving up. */
    private static final int SEARCH_LIMIT = 1 << 16;

    private FreeAddresses() {}

    /** Every address literal in these files, canonical (so `192.168.005.1`… is not counted twice). */
    static Set<String> used(List<SourceFile> files) {
        Set<String> used = new HashSet<>();
        for (SourceFile f : files) {
            TokenSource lexer = SpecTokens.lexer(f.text(), f.displayPath());
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                if (t.getType() != HomeLabLexer.IPV4 && t.getType() != HomeLabLexer.IPV6) continue;
                IPAddress a = new IPAddressString(t.getText()).getAddress();
                if (a != null) used.add(a.withoutPrefixLength().toCanonicalString());
            }
        }
        return used;
    }

    /** Up to {@code count} free addresses of the network, lowest first; none when it has no CIDR. */
    static List<String> next(Network n, Set<String> used, int count) {
        List<String> out = new ArrayList<>();
        if (n.cidr() == null) return out;
        IPAddress block = n.cidr().block();
        IPAddress first = block.getLower().withoutPrefixLength();
        IPAddress last = block.getUpper().withoutPrefixLength();
        IPAddress cur = first.increment(1); // the network address is never a host's
        for (int tried = 0; cur != null && out.size() < count && tried < SEARCH_LIMIT; tried++, cur = cur.increment(1)) {
            if (cur.compareTo(last) > 0) break;
            if (block.isIPv4() && cur.equals(last)) break; // the broadcast address
            if (n.dhcp() != null && n.dhcp().contains(new hlc.model.Ip(cur, null))) continue;
            String text = cur.toCanonicalString();
            if (!used.contains(text)) out.add(text);
        }
        return out;
    }
}

package hlc.properties;

import hlc.Compiler;
import hlc.diag.Diagnostic;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.resolve.PlacedAddress;
import hlc.secrets.SecretsBundle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What is checked is what is written, in two ways:
 * <ul>
 *   <li>{@code hlc check} means "will compile": for every spec of the corpus and for generated specs, valid or
 *       with a deliberate fault, a compile (with a secrets bundle, so every Talos config is built) reports exactly
 *       the findings the check reports, no more;</li>
 *   <li>every address written into a Talos config (a link's address, a route's gateway, the VIP, a certificate
 *       SAN) is one of the addresses the uniqueness and placement checks saw
 *       ({@link hlc.resolve.ResolvedSpec#placedAddresses()}): an emitter that found an address on its own
 *       would write one nobody checked.</li>
 * </ul>
 */
class CheckMeansCompileProperties {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /**
     * Where a Talos config names addresses that are not the spec's placements: DNS and time servers may be public
     * ones.
     */
    private static final Set<String> NOT_PLACED = Set.of("nameservers", "clusterDNS", "servers");
    /** A dotted IPv4 address or one with colons (IPv6), each maybe with a prefix length. */
    private static final java.util.regex.Pattern ADDRESS_LIKE =
            java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]+)?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/[0-9]+)?");

    @Provide
    Arbitrary<ValidSpecProperties.GeneratedSpec> validSpecs() {
        return new ValidSpecProperties().validSpecs();
    }

    @Provide
    Arbitrary<ValidSpecProperties.GeneratedSpec> faultySpecs() {
        return new ValidSpecProperties().faultySpecs();
    }

    @Property(tries = 150)
    void aValidSpecCompilesWithTheFindingsOfItsCheck(@ForAll("validSpecs") ValidSpecProperties.GeneratedSpec spec) {
        sameFindings("valid.hl", spec.text());
    }

    @Property(tries = 150)
    void aFaultySpecCompilesWithTheFindingsOfItsCheck(@ForAll("faultySpecs") ValidSpecProperties.GeneratedSpec spec) {
        sameFindings("faulty.hl", spec.text());
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusSpecCompilesWithTheFindingsOfItsCheck() throws IOException {
        Path corpus = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("tests/corpus/check");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".hl")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            List<String> checked = describe(Compiler.check(f).reporter().sorted());
            Compiler.Compilation c = Compiler.compile(Compiler.check(f), SecretsBundle.placeholder(), null, new Renderer(f.toString()));
            assertEquals(checked, describe(c.reporter().sorted()), f.getFileName() + ": compile reports what check does not");
        }));
    }

    @Property(tries = 200)
    void everyAddressInATalosConfigIsOneTheChecksSaw(@ForAll("validSpecs") ValidSpecProperties.GeneratedSpec spec) throws IOException {
        Compiler.Compilation c = Compiler.compileText("valid.hl", spec.text(), SecretsBundle.placeholder(), new Renderer("valid.hl"));
        assertFalse(c.failed(), () -> describe(c.reporter().sorted()).toString());
        Set<String> placed = new TreeSet<>();
        for (PlacedAddress a : c.resolved().placedAddresses()) placed.add(canonical(a.ip().text()));
        for (RenderedFile f : c.files()) {
            if (!f.path().startsWith("talos/") || !f.path().endsWith(".yaml")) continue;
            Set<String> written = new TreeSet<>();
            for (JsonNode doc : YAML.readValues(YAML.getFactory().createParser(f.content()), JsonNode.class).readAll()) {
                addresses(doc, written);
            }
            written.removeAll(placed);
            assertEquals(Set.of(), written, f.path() + " has addresses no check saw; the checks saw " + placed);
        }
    }

    private static void sameFindings(String name, String text) {
        List<String> checked = describe(Compiler.checkText(name, text).reporter().sorted());
        Compiler.Compilation c = Compiler.compileText(name, text, SecretsBundle.placeholder(), new Renderer(name));
        assertEquals(checked, describe(c.reporter().sorted()), "compile reports what check does not");
    }

    /** Every host address in the document (an IP, or an IP with the length of its prefix), outside DNS settings. */
    private static void addresses(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!NOT_PLACED.contains(e.getKey())) addresses(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> addresses(n, out));
        } else if (node.isTextual() && ADDRESS_LIKE.matcher(node.asText()).matches()) {
            // (IPAddressString also reads a bare number as IPv4: a sysctl value "1024" would be 0.0.4.0)
            String[] parts = node.asText().split("/", 2);
            IPAddress ip = new IPAddressString(parts[0]).getAddress();
            if (ip == null || ip.isLoopback()) return;
            if (parts.length == 2) {
                if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > ip.getBitCount()) return;
                // a subnet (pods, services, a route's destination, validSubnets) is no placement: no host bits
                IPAddress network = ip.mask(ip.getNetwork().getNetworkMask(Integer.parseInt(parts[1]), false));
                if (network.equals(ip)) return;
            }
            out.add(ip.toCanonicalString());
        }
    }

    private static String canonical(String ip) {
        IPAddress a = new IPAddressString(ip).getAddress();
        return a == null ? ip : a.withoutPrefixLength().toCanonicalString();
    }

    private static List<String> describe(List<Diagnostic> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) out.add(d.span() + " " + d.code() + " " + d.message());
        return out;
    }
}

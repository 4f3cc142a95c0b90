package hlc.properties;

import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The generator of valid specs ({@link ValidSpecProperties#validSpecs()}) covers the language, so that the
 * properties built on it (check clean, check means compile, every Talos address a checked one, both Talos forms
 * agree) run over every attribute: over a few hundred generated specs, every labelled alternative of the grammar
 * (each attribute of each block, as the parser reads it) appears at least once, except the few listed below with
 * the reason, and so does each form the issue names (pool blocks of both kinds, both announcements, dual-stack
 * subnets, the namespaced layout…). A generator that silently stops producing BGP, or a new attribute the
 * generator does not know, fails here.
 */
class GeneratorCoverageTest {
    /** Specs sampled: each feature of a plan is on in half of them, so missing one by chance is not a concern. */
    private static final int SPECS = 300;

    /**
     * Attributes the generator does not write, and why. Each would need a spec shape of its own (a second cluster,
     * a file beside the spec, a VLAN, which the classic Talos form of {@link TalosFormsProperties} cannot write) or
     * is a report-only word; keeping the list here shows what the valid-spec properties do not exercise.
     */
    static final Map<String, String> NOT_GENERATED = new LinkedHashMap<>();
    static {
        NOT_GENERATED.put("ClusterPatch", "a Talos patch: its file or inline YAML is checked against Talos's schema on its own (TalosPatchTest)");
        NOT_GENERATED.put("HostPatch", "as ClusterPatch");
        NOT_GENERATED.put("ClusterSecretsDecrypt", "runs a command to decrypt the bundle");
        NOT_GENERATED.put("HostCluster", "several clusters: every host, app and ceph block must name its cluster");
        NOT_GENERATED.put("AppCluster", "as HostCluster");
        NOT_GENERATED.put("CephCluster", "as HostCluster");
        NOT_GENERATED.put("ScCluster", "as HostCluster");
        NOT_GENERATED.put("IfaceVlan", "not generated yet (the classic form writes VLANs now; TalosFormsProperties would compare them)");
        NOT_GENERATED.put("ClusterNodeNetwork", "not generated yet");
        NOT_GENERATED.put("ClusterCoreDns", "not generated yet");
        NOT_GENERATED.put("IfaceDhcp", "not generated yet");
        NOT_GENERATED.put("IfaceDhcpMetric", "not generated yet");
        NOT_GENERATED.put("IfacePhysical", "not generated yet");
        NOT_GENERATED.put("IfaceBusPath", "not generated yet");
        NOT_GENERATED.put("HostOverlay", "not generated yet");

        NOT_GENERATED.put("CephObjectStore", "not generated yet");
        NOT_GENERATED.put("ScBucket", "not generated yet");
        NOT_GENERATED.put("ScStatic", "not generated yet");
        NOT_GENERATED.put("ScMountOption", "not generated yet");
        NOT_GENERATED.put("BackupScheduleFor", "not generated yet");
        NOT_GENERATED.put("BackupCompression", "not generated yet");
        NOT_GENERATED.put("BackupSecret", "not generated yet");
        NOT_GENERATED.put("SourceBackup", "not generated yet");
        NOT_GENERATED.put("AppVersion", "not generated yet");
        NOT_GENERATED.put("AppNfsVolume", "not generated yet");
        NOT_GENERATED.put("FluxSubstituteFrom", "not generated yet");
    }

    /** Forms of a value the issue names, which the parse tree alone does not tell apart. */
    static final Map<String, Pattern> FORMS = new LinkedHashMap<>();
    static {
        FORMS.put("a whole-network load-balancer pool", Pattern.compile("\\bpool loadbalancer\\s*(\\n|\\}|announce|description)"));
        FORMS.put("a pool range", Pattern.compile("\\bpool loadbalancer range "));
        FORMS.put("a pool block", Pattern.compile("\\bpool loadbalancer (range \\S+ to \\S+ )?block "));
        FORMS.put("announce l2", Pattern.compile("\\bannounce l2\\b"));
        FORMS.put("announce bgp", Pattern.compile("\\bannounce bgp\\b"));
        FORMS.put("dual-stack pods", Pattern.compile("\\bpods \\S+/16 [0-9a-f:]+/56"));
        FORMS.put("dual-stack services", Pattern.compile("\\bservices \\S+/16 [0-9a-f:]+/112"));
        FORMS.put("an IPv6 prefix with its router", Pattern.compile("\\bipv6 \\S+/64 via "));
        FORMS.put("an interface's IPv6 address", Pattern.compile("\\binterface .* ipv6 [0-9a-fA-F:]+"));
        FORMS.put("an IPv6 route", Pattern.compile(" route fd9[89]:"));
        FORMS.put("the namespaced layout", Pattern.compile("\\blayout namespaced\\b"));
        FORMS.put("an endpoint by name", Pattern.compile("\\bendpoint lb0\\."));
        FORMS.put("an endpoint by address", Pattern.compile("\\bendpoint 10\\."));
        FORMS.put("a BGP peer by device", Pattern.compile("\\bpeer [a-z][a-z0-9-]* asn"));
        FORMS.put("a BGP peer by address", Pattern.compile("\\bpeer 10\\.[0-9.]+ asn"));
        FORMS.put("a public DNS provider", Pattern.compile("domains \\[?pub\\."));
        FORMS.put("arm64", Pattern.compile("\\barch arm64\\b"));
        FORMS.put("a taint", Pattern.compile("\\btaint \"dedicated="));
        FORMS.put("app@namespace", Pattern.compile("\\bdepends .*@"));
        FORMS.put("longhorn", Pattern.compile("\\blonghorn\\b"));
        FORMS.put("zfs", Pattern.compile("\\bzfs \\S+"));
        FORMS.put("democratic-csi nfs", Pattern.compile("\\bdemocratic-csi nfs export"));
        FORMS.put("democratic-csi iscsi", Pattern.compile("\\bdemocratic-csi iscsi on"));
        FORMS.put("cephfs", Pattern.compile("\\bcephfs \\S+"));
        FORMS.put("a Multus address with its gateway", Pattern.compile("\\bmultus \\S+ on \\S+ via "));
        FORMS.put("a Thunderbolt link over Ethernet's MTU", Pattern.compile("\\bthunderbolt \"[0-9]-1\\.0\" mtu 6552[02]\\b"));
        FORMS.put("two Thunderbolt links of a host sharing its address",
                Pattern.compile("address (169\\.254\\.255\\.[0-9]+) thunderbolt [^\\n]*\\s+interface \\S+ on \\S+ address \\1 thunderbolt "));
        FORMS.put("a link-scope route (no via)", Pattern.compile("\\broute 169\\.254\\.255\\.[0-9]+/32(?! via)"));
        FORMS.put("an osd-filter by device name (deviceFilter)", Pattern.compile("\\bosd-filter \"\\^[a-z]"));
        FORMS.put("an osd-filter by device path (devicePathFilter)", Pattern.compile("\\bosd-filter \"\\^/dev/"));
    }

    @Test
    void overManySpecsEveryAttributeOfTheGrammarAppears() {
        Set<String> seen = new TreeSet<>();
        Set<String> formsSeen = new TreeSet<>();
        var specs = new ValidSpecProperties().validSpecs().sampleStream().limit(SPECS).iterator();
        while (specs.hasNext()) {
            String text = specs.next().text();
            HomeLabParser parser = new HomeLabParser(new CommonTokenStream(new HomeLabLexer(CharStreams.fromString(text))));
            parser.removeErrorListeners();
            collect(parser.spec(), seen);
            FORMS.forEach((what, p) -> {
                if (p.matcher(text).find()) formsSeen.add(what);
            });
        }
        Set<String> missing = new TreeSet<>(alternatives());
        missing.removeAll(seen);
        missing.removeAll(NOT_GENERATED.keySet());
        assertEquals(Set.of(), missing, "attributes no generated spec has (generate them, or say why not in NOT_GENERATED)");
        Set<String> stale = new TreeSet<>(NOT_GENERATED.keySet());
        stale.retainAll(seen);
        assertEquals(Set.of(), stale, "attributes listed as not generated that the generator writes: take them off the list");
        Set<String> formsMissing = new TreeSet<>(FORMS.keySet());
        formsMissing.removeAll(formsSeen);
        assertEquals(Set.of(), formsMissing, "forms no generated spec has");
    }

    /** Every labelled alternative of the grammar: the parser's context classes that extend a rule's context. */
    private static Set<String> alternatives() {
        Set<String> out = new TreeSet<>();
        for (Class<?> k : HomeLabParser.class.getDeclaredClasses()) {
            if (k.getSuperclass() != ParserRuleContext.class && ParserRuleContext.class.isAssignableFrom(k)) {
                out.add(k.getSimpleName().replaceFirst("Context$", ""));
            }
        }
        return out;
    }

    private static void collect(ParseTree t, Set<String> seen) {
        if (t instanceof ParserRuleContext c) {
            if (c.getClass().getSuperclass() != ParserRuleContext.class) seen.add(c.getClass().getSimpleName().replaceFirst("Context$", ""));
            for (int i = 0; i < c.getChildCount(); i++) collect(c.getChild(i), seen);
        }
    }

    @Test
    void theListOfWhatIsNotGeneratedNamesRealAttributes() {
        Set<String> unknown = new TreeSet<>(NOT_GENERATED.keySet());
        unknown.removeAll(alternatives());
        assertEquals(Set.of(), unknown);
    }
}

package hlc.adopt;

import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.fmt.Formatter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code hlc import} as a function: a repository folder in, spec files and findings out, nothing written. It
 * reads the Flux tree from its sync path, the Talos configuration (Jinja templates with per-node patches, else
 * a talhelper talconfig.yaml), and writes a root file (networks, cluster, hosts) and one file per namespace
 * (its apps), each in the layout {@code hlc fmt} gives.
 */
public final class Importer {
    private Importer() {}

    /**
     * @param name    the spec's name: the root file is {@code NAME.hl}, the namespace files {@code NAME/NS.hl}
     * @param syncPath the Flux sync path, or null to find it
     */
    public static ImportResult run(Path repository, String name, String syncPath) throws IOException {
        return run(repository, name, syncPath, List.of());
    }

    /**
     * @param values a cluster-template checkout's configuration files to render it from (default: those its
     *               makejinja.toml names); a checkout already rendered is imported as it stands unless they are given
     */
    public static ImportResult run(Path repository, String name, String syncPath, List<Path> values) throws IOException {
        Optional<ClusterTemplate> template = ClusterTemplate.find(repository);
        if (template.isPresent() && (!values.isEmpty() || !rendered(repository))) {
            return ClusterTemplateImport.run(template.get(), name, syncPath, values);
        }
        Findings findings = new Findings();
        if (!values.isEmpty() && template.isEmpty()) {
            findings.add(ImportCode.IMP10, new Span(new SourceFile(values.get(0), values.get(0).toString(), ""), 1, 1, 1),
                    "--values names a cluster-template configuration, but " + repository + " has no makejinja.toml and template folder to render it with",
                    "give the cluster-template checkout the configuration belongs to, or leave --values out");
            return new ImportResult(name + ".hl", Map.of(), findings, null, null, 0, 0, 0, 0);
        }
        RepositoryReader repo = new RepositoryReader(repository, findings);
        String source = repository.toAbsolutePath().normalize().getFileName().toString();

        FluxTree tree = null;
        Optional<FluxSync> sync = syncPath != null ? Optional.of(new FluxSync(FluxTreeReader.normalize(syncPath), null, null)) : FluxSync.find(repo);
        if (sync.isPresent()) {
            FluxSync s = sync.get();
            tree = new FluxTreeReader(repo, findings).read(s.path(), s.url(), s.branch());
        }

        TalosCluster talos = null;
        TalosTemplateReader templates = new TalosTemplateReader(repo);
        Optional<Path> talosDir = templates.find();
        if (talosDir.isPresent()) {
            talos = templates.read(talosDir.get());
        } else {
            TalhelperReader talhelper = new TalhelperReader(repo, findings);
            Optional<Path> talconfig = talhelper.find();
            if (talconfig.isPresent()) talos = talhelper.read(talconfig.get());
            else {
                TopfReader topf = new TopfReader(repo);
                Optional<Path> topfFile = topf.find();
                if (topfFile.isPresent()) talos = topf.read(topfFile.get());
            }
        }
        if (talos != null && tree != null) versionsFromUpgrades(talos, tree);

        Span repoSpan = new Span(new SourceFile(repo.root(), source, ""), 1, 1, 1);
        if (tree == null && talos == null) {
            findings.add(ImportCode.IMP09, repoSpan, source + " has no Flux tree and no Talos configuration the import knows",
                    "the import reads a Flux tree (FluxInstance sync path, or kubernetes/flux/cluster) and talhelper's talconfig.yaml or Talos machine-config templates");
        }
        if (talos != null && (talos.talosVersion == null || talos.kubernetesVersion == null)) {
            findings.add(ImportCode.IMP08, repoSpan, "no Talos or Kubernetes version found in " + talos.source,
                    "write `talos` and `kubernetes` in the imported spec's cluster block");
        }
        return write(name, source, tree, talos, findings);
    }

    /** A cluster-template checkout after {@code task configure}: its rendered files are what the cluster runs. */
    private static boolean rendered(Path repository) {
        return Files.isDirectory(repository.resolve("kubernetes/flux/cluster")) || Files.isRegularFile(repository.resolve("talos/talconfig.yaml"))
                || Files.isRegularFile(repository.resolve("talos/topf.yaml"));
    }

    /** tuppr's TalosUpgrade / KubernetesUpgrade say which versions the cluster runs when the configs do not. */
    private static void versionsFromUpgrades(TalosCluster talos, FluxTree tree) {
        for (YamlDoc d : tree.manifests()) {
            String kind = d.node().path("kind").asText();
            if (kind.equals("TalosUpgrade") && talos.talosVersion == null) talos.talosVersion = d.node().at("/spec/talos/version").asText(null);
            if (kind.equals("KubernetesUpgrade") && talos.kubernetesVersion == null) talos.kubernetesVersion = d.node().at("/spec/kubernetes/version").asText(null);
        }
    }

    private static ImportResult write(String name, String source, FluxTree tree, TalosCluster talos, Findings findings) {
        SpecText root = new SpecText();
        String vault = vaultName(talos);
        FluxSpecWriter flux = tree == null ? null : new FluxSpecWriter(tree, findings, vault != null ? vault : "vault");
        TalosSpecWriter hosts = talos == null ? null : new TalosSpecWriter(talos);
        Map<String, SpecText> nsFiles = flux == null ? Map.of() : flux.appFiles(source);

        root.comment(0, "Imported by `hlc import` from " + source + ". Settings the language cannot say are comments");
        root.comment(0, "marked \"not imported\", each naming the file and line it came from: review them, then");
        root.comment(0, "`hlc check` this file. `hlc import --diff` shows what compiling it would change.");
        for (String ns : new TreeMap<>(nsFiles).keySet()) root.line(0, "import " + SpecText.quote(name + "/" + ns + ".hl"));
        CiliumNetworking cilium = tree == null ? null : new CiliumNetworking(tree);
        Map<String, String> nodeNetworks = hosts == null ? Map.of() : hosts.networkCidrs();
        if (cilium != null) cilium.placeIn(nodeNetworks);
        LoadBalancerImport pinned = tree == null ? null : new LoadBalancerImport(tree);
        if (cilium != null) pinned.addTo(cilium);
        if (hosts != null) hosts.networks(root, net -> cilium == null ? null : cilium.poolWordsOn(net));
        if (cilium != null) cilium.networks(root, nodeNetworks.keySet());
        if (cilium != null && hosts != null) {
            String api = hosts.endpointName(cilium.apiLoadBalancer());
            if (api != null) cilium.nameTheApi(api);
        }
        if (vault != null) {
            root.blank();
            root.line(0, "service " + vault + " {");
            root.line(1, "kind vault");
            root.line(1, "purpose " + SpecText.quote("the secret manager the machine configs reference (" + talos.vaultReferences.size()
                    + " references, none copied)"));
            root.line(0, "}");
        }
        if (flux != null && flux.usesPlaceholderVault() && vault == null) {
            root.blank();
            root.line(0, "service vault {");
            root.line(1, "kind vault");
            root.line(1, "purpose " + SpecText.quote("placeholder: the secret manager that holds the secret values the import left out"));
            root.line(0, "}");
        }
        if (tree != null) {
            java.util.Set<String> taken = new java.util.HashSet<>();
            if (vault != null) taken.add(vault);
            if (flux != null && flux.usesPlaceholderVault() && vault == null) taken.add("vault");
            new ExternalDnsSettings(tree).write(root, taken);
            new RookValues(tree).write(root, nodeNetworks);
            java.util.Set<String> hostNames = new java.util.HashSet<>();
            if (talos != null) talos.nodes.forEach(n -> hostNames.add(TalosSpecWriter.hostName(n)));
            new StorageClassImport(tree, hostNames::contains, a -> networkHolding(nodeNetworks, a)).write(root);
        }
        root.blank();
        String clusterName = talos != null && SpecText.isName(talos.name) ? talos.name : "main";
        root.line(0, "cluster " + clusterName + " {");
        boolean usesCilium = tree != null && tree.apps().stream().anyMatch(k -> k.name().equals("cilium"));
        if (hosts != null) hosts.clusterAttributes(root, usesCilium);
        if (cilium != null) cilium.clusterAttributes(root, address -> hosts != null && hosts.everyControlPlaneOn(address),
                hosts == null ? null : hosts.routedNetwork());
        if (pinned != null) pinned.write(root);
        if (flux != null) flux.fluxBlock(root);
        root.line(0, "}");
        if (hosts != null) hosts.hosts(root);
        if (flux != null) {
            root.blank();
            flux.skipped(root);
        }

        Map<String, String> files = new LinkedHashMap<>();
        String rootFile = name + ".hl";
        files.put(rootFile, canonical(rootFile, root.text()));
        int comments = root.notImportedCount(), healthChecks = root.healthCheckCount();
        for (var e : new TreeMap<>(nsFiles).entrySet()) {
            String file = name + "/" + e.getKey() + ".hl";
            files.put(file, canonical(file, e.getValue().text()));
            comments += e.getValue().notImportedCount();
            healthChecks += e.getValue().healthCheckCount();
        }
        return new ImportResult(rootFile, files, findings, tree, talos, flux == null ? 0 : flux.kustomizations(),
                talos == null ? 0 : talos.nodes.size(), comments, healthChecks);
    }

    /** The network (name → CIDR) holding an address, or null. */
    private static String networkHolding(Map<String, String> networks, inet.ipaddr.IPAddress a) {
        for (var n : networks.entrySet()) {
            inet.ipaddr.IPAddress net = new inet.ipaddr.IPAddressString(n.getValue()).getAddress();
            if (net != null && net.getIPVersion() == a.getIPVersion() && net.toPrefixBlock().contains(a)) return n.getKey();
        }
        return null;
    }

    /** The text in {@code hlc fmt} layout; text the formatter refuses is an import bug, kept as written. */
    private static String canonical(String file, String text) {
        Formatter.Result r = Formatter.formatText(file, text);
        if (r.reporter().hasErrors()) {
            throw new IllegalStateException("the import wrote " + file + ", which does not parse: "
                    + r.reporter().sorted().get(0).message() + "\n" + text);
        }
        return r.text();
    }

    /** The vault the Talos configs' secret-manager references point into: akeyless (ak://) or onepassword (op://). */
    private static String vaultName(TalosCluster talos) {
        if (talos == null || talos.vaultReferences.isEmpty()) return null;
        return talos.vaultReferences.get(0).startsWith("ak://") ? "akeyless" : "onepassword";
    }

    /** Writes the files into {@code out}, creating folders; refuses to overwrite unless {@code force}. */
    public static List<Path> writeFiles(ImportResult result, Path out, boolean force) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String f : result.files().keySet()) {
            Path p = out.resolve(f);
            if (Files.exists(p) && !force) throw new IOException(p + " exists (use --force to replace it)");
        }
        for (var e : result.files().entrySet()) {
            Path p = out.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            Files.writeString(tmp, e.getValue());
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written.add(p);
        }
        return written;
    }
}

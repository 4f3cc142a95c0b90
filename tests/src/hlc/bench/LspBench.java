package hlc.bench;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How fast findings follow a keystroke, measured as an editor sees it: starts {@code hlc lsp} as its own
 * process (the command given, e.g. the ./hlc launcher), opens a spec, then types one character at a time into
 * a description string, each an incremental change, and times each change until the server publishes the
 * findings of that document version. Warm-up edits first; then the median, 95th percentile and maximum over
 * the measured edits, and the server's peak resident memory (VmHWM).
 *
 * <pre>java -cp target/test-classes:target/hlc.jar hlc.bench.LspBench SPEC EDITS WARMUP -- COMMAND…</pre>
 * Prints one line of tab-separated results: spec, edits, median_ms, p95_ms, max_ms, open_ms, peak_rss_mib.
 *
 * <p>With {@code --in-process} instead of {@code -- COMMAND…} the server runs in this JVM (over pipes, through
 * the same JSON-RPC), and the last column is the CPU time the process spent per measured edit, in ms: on a
 * loaded machine the wall-clock figures say how long an editor waits, the CPU figure what a keystroke costs.
 */
public final class LspBench {
    private LspBench() {}

    public static void main(String[] args) throws Exception {
        Path spec = Path.of(args[0]).toAbsolutePath();
        int edits = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        boolean inProcess = args[3].equals("--in-process");
        Process server = null;
        Versions published = new Versions();
        Launcher<LanguageServer> launcher;
        if (inProcess) {
            java.io.PipedInputStream serverIn = new java.io.PipedInputStream(1 << 16);
            java.io.PipedOutputStream toServer = new java.io.PipedOutputStream(serverIn);
            java.io.PipedInputStream clientIn = new java.io.PipedInputStream(1 << 16);
            java.io.PipedOutputStream toClient = new java.io.PipedOutputStream(clientIn);
            hlc.lsp.HlcLanguageServer hlc = new hlc.lsp.HlcLanguageServer(code -> {});
            Launcher<org.eclipse.lsp4j.services.LanguageClient> serverSide = LSPLauncher.createServerLauncher(hlc, serverIn, toClient);
            hlc.connect(serverSide.getRemoteProxy());
            serverSide.startListening();
            launcher = LSPLauncher.createClientLauncher(published, clientIn, toServer);
        } else {
            List<String> command = List.of(args).subList(4, args.length);
            server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            launcher = LSPLauncher.createClientLauncher(published, server.getInputStream(), server.getOutputStream());
        }
        launcher.startListening();
        LanguageServer lsp = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        lsp.initialize(init).get(120, TimeUnit.SECONDS);
        lsp.initialized(new InitializedParams());

        String uri = spec.toUri().toString();
        String text = Files.readString(spec);
        // Type into the first description string: a keystroke that re-checks the whole spec and changes no finding.
        int at = text.indexOf("description \"");
        if (at < 0) throw new IllegalArgumentException(spec + " has no description string to type into");
        at += "description \"".length();
        Position cursor = position(text, at);

        long t0 = System.nanoTime();
        lsp.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "hl", 1, text)));
        published.await(uri, 1);
        double openMs = (System.nanoTime() - t0) / 1e6;

        List<Double> times = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = 0;
        int version = 1;
        for (int i = 0; i < warmup + edits; i++) {
            if (i == warmup) cpuAtStart = os.getProcessCpuTime();
            version++;
            Range r = new Range(cursor, cursor);
            TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(r, "x");
            long start = System.nanoTime();
            lsp.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
            published.await(uri, version);
            if (i >= warmup) times.add((System.nanoTime() - start) / 1e6);
            cursor = new Position(cursor.getLine(), cursor.getCharacter() + 1);
        }
        double cpuPerEdit = (os.getProcessCpuTime() - cpuAtStart) / 1e6 / edits;
        long peakKib = inProcess ? -1 : peakRssKib(server.pid());
        lsp.shutdown().get(30, TimeUnit.SECONDS);
        lsp.exit();
        if (server != null) {
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroy();
        }

        Collections.sort(times);
        String last = inProcess ? String.format("%.1f", cpuPerEdit) : String.format("%.0f", peakKib / 1024.0);
        System.out.printf("%s\t%d\t%.1f\t%.1f\t%.1f\t%.0f\t%s%n", spec.getFileName(), edits, percentile(times, 50),
                percentile(times, 95), times.get(times.size() - 1), openMs, last);
        System.exit(0);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static long peakRssKib(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    private static Position position(String text, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new Position(line, offset - start);
    }

    /** The latest document version whose findings the server published, per document. */
    private static final class Versions implements LanguageClient {
        private final ConcurrentHashMap<String, Integer> latest = new ConcurrentHashMap<>();

        synchronized void await(String uri, int version) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (latest.getOrDefault(uri, 0) < version) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) throw new IllegalStateException("no findings for version " + version + " of " + uri);
                wait(left);
            }
        }

        @Override
        public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
            if (params.getVersion() != null) latest.merge(params.getUri(), params.getVersion(), Math::max);
            notifyAll();
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }
}

package hlc.lsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever arrives, the server answers and goes on serving: broken JSON gets a parse error, an unknown method
 * "method not found", a file of random bytes a diagnostic; after each, a normal request is still answered.
 */
class RobustnessTest {
    @TempDir
    Path dir;

    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{},\"initializationOptions\":{\"debounceMillis\":5}}}";

    private static String hover(int id, String uri) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\"},\"position\":{\"line\":0,\"character\":0}}}";
    }

    @Test
    void malformedJsonAndUnknownMethodsGetErrorsAndTheServerKeepsServing() throws Exception {
        try (RawJsonRpc rpc = new RawJsonRpc()) {
            rpc.send(INIT);
            assertTrue(rpc.await("\"id\":1").contains("\"capabilities\""));

            rpc.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":");
            String broken = rpc.await("\"error\"");
            assertTrue(broken.contains("-32700") || broken.contains("-32600") || broken.contains("-32602"), broken);

            rpc.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"hlc/no-such-method\",\"params\":{}}");
            String unknown = rpc.await("\"id\":3");
            assertTrue(unknown.contains("-32601"), "method not found: " + unknown);

            rpc.send(hover(4, dir.resolve("nothing-open.hl").toUri().toString()));
            assertTrue(rpc.await("\"id\":4").contains("\"result\""));
            assertTrue(rpc.serverAlive());
        }
    }

    @Test
    void aFileOfRandomBytesGetsADiagnosticAndTheServerKeepsServing() throws Exception {
        byte[] junk = new byte[4096];
        new Random(17).nextBytes(junk);
        Path file = dir.resolve("junk.hl");
        Files.write(file, junk);
        String uri = file.toUri().toString();
        // As an editor that read the file with replacement characters would send it.
        String text = new String(junk, StandardCharsets.UTF_8);
        String escaped = new com.google.gson.Gson().toJson(text);
        try (RawJsonRpc rpc = new RawJsonRpc()) {
            rpc.send(INIT);
            rpc.await("\"id\":1");
            rpc.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri
                    + "\",\"languageId\":\"hl\",\"version\":1,\"text\":" + escaped + "}}}");
            String published = rpc.await("publishDiagnostics");
            assertTrue(published.contains("\"severity\":1") && published.contains("HL0"), published);
            rpc.send(hover(2, uri));
            assertTrue(rpc.await("\"id\":2").contains("\"result\""));
            // And bytes that are not even the protocol's framing: the server skips them and still answers.
            rpc.sendRaw(junk);
            rpc.sendRaw("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            rpc.send(hover(5, uri));
            assertTrue(rpc.await("\"id\":5").contains("\"result\""));
        }
    }
}

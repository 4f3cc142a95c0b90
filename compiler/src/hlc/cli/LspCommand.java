package hlc.cli;

import hlc.lsp.HlcLanguageServer;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;

/** {@code hlc lsp}: the language server, spoken over stdin and stdout; editors start it (see editors/). */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Run the language server that editors start (LSP over stdin and stdout): findings as you",
                "type, hover, definition, rename, completion with free addresses, fixes, formatting.",
                "See editors/ and the README's Editors section."})
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        // Standard output is the protocol's channel: whatever else prints goes to standard error instead.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return HlcLanguageServer.serve(System.in, protocol);
    }
}

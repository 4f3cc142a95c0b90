package hlc.cli;

import hlc.lsp.HlcLanguageServer;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;

/** {@code hlc lsp}: the language server, spoken over stdin and stdout; editors start it (see editors/). */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Run the hlc language server over stdin/stdout (the Language Server Protocol), for editors:",
                "diagnostics as you type, hover, definition, references, rename, completion with free addresses,",
                "quick fixes, formatting. Editors start it themselves; see editors/ and the README."})
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        // Standard output is the protocol's channel: whatever else prints goes to standard error instead.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return HlcLanguageServer.serve(System.in, protocol);
    }
}

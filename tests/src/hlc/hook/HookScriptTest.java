package hlc.hook;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The hook's text: paths survive the shell whatever they contain, and hlc knows its own hook from others. */
class HookScriptTest {
    @Test
    void quotedWordsReachTheProgramUnchanged() throws Exception {
        assumeTrue(new java.io.File("/bin/sh").canExecute(), "no /bin/sh");
        for (String word : List.of("plain", "with space", "it's", "$HOME `id` \"q\" \\ *", "'")) {
            Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + HookScript.quote(word)).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(word, printed);
        }
    }

    @Test
    void ownHookIsRecognisedByItsMarker() {
        String script = HookScript.render(new HlcInvocation(List.of("/opt/hlc/hlc")), "spec/homelab.hl", "out");
        assertTrue(script.startsWith("#!/bin/sh\n"));
        assertTrue(HookScript.isOurs(script));
        assertFalse(HookScript.isOurs("#!/bin/sh\n# runs hlc-hook: not the marker at the start\nexit 0\n"));
    }

    @Test
    void scriptIsValidShell() throws IOException, InterruptedException {
        assumeTrue(new java.io.File("/bin/sh").canExecute(), "no /bin/sh");
        String script = HookScript.render(new HlcInvocation(List.of("/opt/my hlc/java", "-jar", "/opt/it's/hlc.jar")),
                "spec/home lab.hl", "out");
        Process p = new ProcessBuilder("/bin/sh", "-n").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String errors = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), errors + "\n" + script);
        assertTrue(script.contains("hlc() { '/opt/my hlc/java' '-jar' '/opt/it'\\''s/hlc.jar' \"$@\"; }"), script);
    }
}

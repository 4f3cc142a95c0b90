package hlc.diag;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GitHub workflow commands: the format GitHub parses, and its escaping rules for data and properties. */
class GithubRendererTest {
    private static final GithubRenderer RENDERER = new GithubRenderer(new ReportPath(Path.of("")));

    private static Diagnostic diagnostic(String path, Severity severity, String message, String hint, List<Label> labels) {
        SourceFile file = new SourceFile(Path.of(path), path, "\n".repeat(20));
        return new Diagnostic("HL023", severity, new Span(file, 14, 22, 12), message, labels, hint, List.of(), false);
    }

    @Test
    void oneCommandPerFindingWithPlaceTitleAndHint() {
        String out = RENDERER.render(List.of(
                diagnostic("spec/homelab.hl", Severity.ERROR, "address outside `lan`", "pick one in 192.168.5.0/24", List.of()),
                diagnostic("./spec/homelab.hl", Severity.WARNING, "a warning", null, List.of())));
        assertEquals("""
                ::error file=spec/homelab.hl,line=14,col=22,endColumn=33,title=HL023::address outside `lan` (hint: pick one in 192.168.5.0/24)
                ::warning file=spec/homelab.hl,line=14,col=22,endColumn=33,title=HL023::a warning
                """, out);
    }

    @Test
    void labelsFollowTheMessageOnLinesOfTheirOwn() {
        SourceFile net = new SourceFile(Path.of("spec/net.hl"), "spec/net.hl", "\n".repeat(20));
        Label declared = new Label(new Span(net, 18, 8, 14), "network `lan` is declared here");
        String out = RENDERER.render(List.of(diagnostic("spec/homelab.hl", Severity.ERROR, "outside", null, List.of(declared))));
        assertEquals("::error file=spec/homelab.hl,line=14,col=22,endColumn=33,title=HL023::outside"
                + "%0Anote: spec/net.hl:18:8: network `lan` is declared here\n", out);
    }

    @Test
    void messageEscapesPercentAndLineBreaksButKeepsColonsAndCommas() {
        String out = RENDERER.render(List.of(diagnostic("spec/homelab.hl", Severity.ERROR,
                "100% full\r\n::error::injected: a, b", null, List.of())));
        assertEquals("::error file=spec/homelab.hl,line=14,col=22,endColumn=33,title=HL023::"
                + "100%25 full%0D%0A::error::injected: a, b\n", out);
        assertEquals(1, out.lines().count(), "a line break in a message must not start a second command");
    }

    @Test
    void propertiesAlsoEscapeColonsAndCommas() {
        String out = RENDERER.render(List.of(diagnostic("spec/a:b,c%d.hl", Severity.ERROR, "m", null, List.of())));
        assertEquals("::error file=spec/a%3Ab%2Cc%25d.hl,line=14,col=22,endColumn=33,title=HL023::m\n", out);
        assertEquals("x%0Ay%3Az%2C%25", GithubRenderer.property("x\ny:z,%"));
        assertEquals("x%0Ay:z,%25", GithubRenderer.data("x\ny:z,%"));
    }

    @Test
    void noFindingsNoCommands() {
        assertEquals("", RENDERER.render(List.of()));
    }
}

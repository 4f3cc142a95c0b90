package hlc.diag;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A finding's file as CI tools want it: relative to the folder hlc runs in (the checkout's root in CI), with
 * forward slashes whatever the platform. GitHub ties an annotation or a code-scanning alert to a file of the
 * repository only by that path; an absolute path or a {@code ./} prefix leaves it attached to nothing.
 */
public final class ReportPath {
    private final Path base;

    /** {@code base}: the folder relative paths start from; spec paths as the user typed them are relative to it. */
    public ReportPath(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** "spec/homelab.hl" for "./spec/homelab.hl" or an absolute path under the base; other paths stay absolute. */
    public String relative(String displayPath) {
        Path p = Path.of(displayPath).normalize();
        if (p.isAbsolute() && p.startsWith(base)) p = base.relativize(p);
        return p.toString().replace('\\', '/');
    }

    /** The same path as a URI reference (SARIF's artifactLocation.uri): percent-encoded, absolute ones as file: URIs. */
    public String uri(String displayPath) {
        String rel = relative(displayPath);
        Path p = Path.of(displayPath).normalize();
        if (p.isAbsolute() && !p.startsWith(base)) return p.toUri().toASCIIString();
        // A first segment with a colon would read as a URI scheme ("c:x.hl"); "./" keeps it a path.
        String path = rel.indexOf(':') >= 0 && (rel.indexOf('/') < 0 || rel.indexOf(':') < rel.indexOf('/')) ? "./" + rel : rel;
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a URI of " + displayPath, e);
        }
    }
}

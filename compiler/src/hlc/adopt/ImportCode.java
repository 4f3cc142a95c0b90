package hlc.adopt;

import hlc.diag.Severity;

/**
 * The findings of {@code hlc import} about the repository it reads (not about a spec, so they are not HL codes:
 * {@code hlc explain} and the spec corpus know nothing of them). A code never changes meaning once published.
 */
public enum ImportCode {
    IMP01("a file that is not valid YAML", Severity.ERROR),
    IMP02("a file too large to read", Severity.ERROR),
    IMP03("a SOPS-encrypted file, skipped and never decrypted", Severity.WARNING),
    IMP04("a path that leaves the repository", Severity.ERROR),
    IMP05("a cycle of includes", Severity.ERROR),
    IMP06("a secret value in the repository, replaced by a vault reference placeholder", Severity.WARNING),
    IMP07("a missing file or folder named by the tree", Severity.WARNING),
    IMP08("a fact the import could not find, or a name the language cannot spell", Severity.WARNING),
    IMP09("a folder with nothing the import can read", Severity.ERROR),
    IMP10("a cluster-template checkout whose configuration is not filled in yet", Severity.ERROR),
    IMP11("a cluster-template that does not render with its configuration", Severity.ERROR);

    private final String title;
    private final Severity severity;

    ImportCode(String title, Severity severity) {
        this.title = title;
        this.severity = severity;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }
}

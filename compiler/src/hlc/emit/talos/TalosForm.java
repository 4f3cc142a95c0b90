package hlc.emit.talos;

import hlc.check.SpecIndex;
import hlc.diag.Span;
import hlc.emit.FileSpec;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Version;
import hlc.secrets.SecretsBundle;

import java.util.List;

/**
 * One shape of Talos machine configuration. Talos changed shape over releases (v1.12 moved hostname, links,
 * bonds and VIPs out of the v1alpha1 document into documents of their own), so each release range has a form,
 * chosen by the version the spec pins. Adding a release means adding a form, not editing one.
 */
interface TalosForm {
    boolean supports(Version talos);

    /** The releases this form covers and its shape, for messages ("v1.10 and v1.11 (single-document v1alpha1)"). */
    String releases();

    List<FileSpec> files(SpecIndex spec, NodePlan.Cluster cluster, List<NodePlan> nodes, SecretsBundle secrets);

    /**
     * What the spec says that this form has no place for, each at its place in the spec: reported rather than
     * left out, since a config that silently drops a VLAN or a taint is a node that is not what the spec says.
     */
    default List<Unwritable> unwritable(Cluster cluster, List<Host> hosts) {
        return List.of();
    }

    /** A fact of the spec a form cannot write: where it is and what it is ("the VLAN sub-interface bond0.107"). */
    record Unwritable(Span at, String what) {}
}

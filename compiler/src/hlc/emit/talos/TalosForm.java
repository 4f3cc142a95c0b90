package hlc.emit.talos;

import hlc.resolve.ResolvedSpec;
import hlc.resolve.TalosShape;
import hlc.emit.FileSpec;
import hlc.secrets.SecretsBundle;

import java.util.List;

/**
 * One shape of Talos machine configuration. Talos changed shape over releases (v1.12 moved hostname, links,
 * bonds and VIPs out of the v1alpha1 document into documents of their own), so each release range has a form,
 * chosen by the version the spec pins. Adding a release means adding a shape and a form, not editing one.
 */
interface TalosForm {
    /** The release range this form writes (its limits are {@link TalosShape#unwritable}, checked by HL096). */
    TalosShape shape();

    List<FileSpec> files(ResolvedSpec spec, NodePlan.Cluster cluster, List<NodePlan> nodes, SecretsBundle secrets);
}

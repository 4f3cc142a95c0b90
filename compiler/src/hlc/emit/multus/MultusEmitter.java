package hlc.emit.multus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hlc.resolve.ResolvedSpec;
import hlc.emit.AppliedFolder;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Multus {@code NetworkAttachmentDefinition} per app and network it attaches to ({@code multus ADDRESS on
 * NETWORK}), in the app's namespace, under {@code network/multus/<ns>/}: a macvlan on the hosts' link of that
 * network with static IPAM for the app's address. The app's Kustomization substitutes the attachment's name as
 * {@code ${MULTUS_<NETWORK>}}, for the pod's {@code k8s.v1.cni.cncf.io/networks} annotation.
 */
public final class MultusEmitter implements Emitter {
    static final String FOLDER = "network/multus";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Flux variable an app's Kustomization sets to the name of its attachment on a network. */
    public static String variable(String network) {
        return MultusFacts.variable(network);
    }

    /** The name of an app's attachment on a network (the NetworkAttachmentDefinition's, in the app's namespace). */
    public static String attachmentName(String app, String network) {
        return MultusFacts.attachmentName(app, network);
    }

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        List<FileSpec> files = new ArrayList<>();
        for (MultusFacts f : MultusFacts.of(ix)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", f.attachment());
            c.put("namespace", f.namespace());
            c.put("config", config(f));
            files.add(new FileSpec(FOLDER + "/" + f.namespace() + "/" + f.attachment() + ".yaml", "multus-nad.yaml.j2", c, false));
        }
        return files;
    }

    /** The CNI configuration, as JSON text (the CRD's spec.config is a string). */
    static String config(MultusFacts f) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cniVersion", "0.3.1");
        root.put("name", f.attachment());
        root.put("type", "macvlan");
        root.put("master", f.master());
        root.put("mode", "bridge");
        ObjectNode ipam = root.putObject("ipam");
        ipam.put("type", "static");
        ObjectNode address = ipam.putArray("addresses").addObject();
        address.put("address", f.address());
        if (f.gateway() != null) address.put("gateway", f.gateway());
        if (f.publicRoutes() && f.gateway() != null) {
            ArrayNode routes = ipam.putArray("routes");
            for (String dst : PublicRanges.ipv4()) routes.addObject().put("dst", dst).put("gw", f.gateway());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        if (MultusFacts.of(ix).isEmpty()) return List.of();
        return List.of(new AppliedFolder("hlc-multus", FOLDER, ix.apps().containsKey("multus") ? List.of("multus") : List.of()));
    }
}

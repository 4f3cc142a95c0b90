package hlc.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Scenarios for scripts: always {@code {"scenarios": [...]}}, one object per scenario whether it came from
 * {@code --fail} or {@code --all}, with fields in a fixed order. Verdicts use the text report's words.
 */
public final class JsonReport {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(List<Report> reports) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("scenarios");
        for (Report r : reports) scenario(r, list.addObject());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void scenario(Report r, ObjectNode o) {
        strings(o.putArray("failed"), r.scenario().failed());

        EtcdQuorum.Result e = r.etcd();
        ObjectNode etcd = o.putObject("etcd");
        etcd.put("members", e.members());
        etcd.put("left", e.left());
        etcd.put("quorum", e.quorum());
        etcd.put("atQuorum", e.atQuorum());
        etcd.put("apiWritable", e.atQuorum());

        ArrayNode pools = o.putArray("pools");
        for (CephAvailability.Result p : r.pools()) {
            ObjectNode po = pools.addObject();
            po.put("pool", p.pool());
            po.put("failureDomain", p.failureDomain());
            po.put("replicas", p.replicas());
            po.put("minSize", p.minSize());
            if (p.state() != PoolState.UNKNOWN) {
                po.put("domains", p.domains());
                po.put("domainsLeft", p.domainsLeft());
                po.put("copiesLeft", p.copiesLeft());
            }
            po.put("state", p.state().label());
            po.put("degraded", p.degraded());
        }

        VipFailover.Result v = r.vip();
        ObjectNode vip = o.putObject("vip");
        vip.put("address", v.address());
        vip.put("network", v.network());
        vip.put("outcome", v.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        vip.put("to", v.to());
        strings(vip.putArray("eligible"), v.eligible());

        ObjectNode apps = o.putObject("apps");
        apps.put("withoutStorage", r.appsWithoutStorage());
        apps.put("affected", r.apps().size());
        ArrayNode list = apps.putArray("list");
        for (AppImpact.Result a : r.apps()) {
            ObjectNode ao = list.addObject();
            ao.put("app", a.app());
            ao.put("cause", a.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            ArrayNode storage = ao.putArray("storage");
            for (AppImpact.LostStorage s : a.storage()) {
                storage.addObject().put("storageClass", s.storageClass()).put("why", s.why());
            }
            strings(ao.putArray("path"), a.path());
        }

        Capacity.Result c = r.capacity();
        ObjectNode cap = o.putObject("capacity");
        strings(cap.putArray("hostsLeft"), c.hostsLeft());
        cap.put("memoryLeftBytes", c.memoryLeft().toBigInteger());
        cap.put("memoryTotalBytes", c.memoryTotal().toBigInteger());
        cap.put("memoryLeft", c.memoryLeftText());
        cap.put("memoryTotal", c.memoryTotalText());
        strings(cap.putArray("memoryUndeclared"), c.undeclared());
        strings(cap.putArray("workloadNodesLeft"), c.workloadNodesLeft());
        cap.put("scheduling", c.scheduling().name().toLowerCase(Locale.ROOT));
        cap.put("requestsInSpec", c.requestsInSpec());
    }

    private static void strings(ArrayNode into, List<String> items) {
        items.forEach(into::add);
    }
}

package hlc.resolve;

import hlc.diag.Span;

/**
 * The address every node and kubeconfig reaches the Kubernetes API at, and why it is that one: the VIP, the
 * {@code endpoint} name, or (neither written) the first control plane by name that has a static address. NONE
 * means there is no such address: the check reports it (HL033), so no config is written with a made-up one.
 */
public record ApiEndpoint(String host, Source source, Span at) {
    public enum Source { VIP, NAME, ADDRESS, CONTROL_PLANE, NONE }

    public static final int PORT = 6443;

    /** The URL of Talos's {@code cluster.controlPlane.endpoint}, IPv6 in brackets. */
    public String url() {
        String h = host == null ? "127.0.0.1" : host;
        return "https://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + PORT;
    }

    public boolean isDefault() {
        return source == Source.CONTROL_PLANE || source == Source.NONE;
    }
}

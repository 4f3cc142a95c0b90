package hlc.model;

/** Where something points: either a literal address or the name of a device/host that has one. */
public record Target(Ip address, Name ref) {
    public static Target of(Ip ip) {
        return new Target(ip, null);
    }

    public static Target of(Name ref) {
        return new Target(null, ref);
    }

    public hlc.diag.Span span() {
        return address != null ? address.span() : ref.span();
    }
}

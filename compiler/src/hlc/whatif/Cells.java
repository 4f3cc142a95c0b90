package hlc.whatif;

/** The short forms of results that fit in a table cell; TextReport says the same at length. */
final class Cells {
    private Cells() {}

    static String etcd(EtcdQuorum.Result e) {
        if (e.members() == 0) return "none";
        return e.left() + "/" + e.members() + (e.atQuorum() ? ", quorum" : ", no quorum");
    }

    static String pool(CephAvailability.Result p) {
        if (p.state() == PoolState.UNKNOWN) return p.state().label();
        String copies = p.copiesLeft() + "/" + p.replicas();
        return p.state().label() + (p.degraded() ? ", degraded " : " ") + copies;
    }

    static String vip(VipFailover.Result v) {
        return switch (v.outcome()) {
            case NONE -> "none";
            case STAYS -> "stays";
            case MOVES -> "moves to " + v.to();
            case LOST_NO_QUORUM -> "lost (no quorum)";
            case LOST_NO_NODE -> "lost (no node)";
        };
    }
}

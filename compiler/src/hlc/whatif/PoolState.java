package hlc.whatif;

/** What a Ceph pool can still do, judged by its worst placement group. */
public enum PoolState {
    /** At least min size copies left: I/O continues (degraded when fewer than all replicas are left). */
    WRITABLE("writable"),
    /**
     * Some copies left but fewer than min size: the placement group goes inactive and I/O to it stops, reads
     * included, until a copy returns. The architecture page calls this "read-only".
     */
    BLOCKED("read-only/blocked"),
    /** No copy left: every failure domain that held one is gone. */
    DATA_LOST("data lost"),
    /** The failure domain is a rack or zone, which the spec does not describe. */
    UNKNOWN("unknown");

    private final String label;

    PoolState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package hlc.model;

/** What a Talos node is for. */
public enum Role {
    CONTROLPLANE("controlplane"), WORKER("worker");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}

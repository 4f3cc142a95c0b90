package hlc.model;

/** A Linux kernel parameter (sysctl) a node sets: {@code net.core.rmem_max = 7500000}. */
public record Sysctl(Located<String> key, Located<String> value) {}

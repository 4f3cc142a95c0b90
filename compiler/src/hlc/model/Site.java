package hlc.model;

/** The site: its name and the DNS domains it owns ({@code domain} public, {@code localDomain} UniFi-only). */
public record Site(Name name, Name domain, Name localDomain, Located<String> timezone, String description) {}

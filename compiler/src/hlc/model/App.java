package hlc.model;

import java.util.List;

/** An app Flux deploys: one Kustomization, its dependencies, storage, DNS names and variables. */
public record App(Name name, Name namespace, Located<String> path, List<Name> depends, List<Name> storage,
                  List<Route> routes, List<Var> vars, Located<Boolean> waitReady, Located<Boolean> prune,
                  Duration interval, Duration timeout, List<Name> uses, String description) {

    /** A DNS name for the app, served through a load balancer (a Gateway) of the cluster. */
    public record Route(Name dnsName, Name via) {}

    /** A Flux substitution variable: a literal value, or a reference to a vault secret. */
    public record Var(Name name, Located<String> literal, SecretRef secret) {}
}

package hlc.resolve;

import hlc.model.Spec;

/**
 * The resolve phase, between the model and the back ends: parse → model → <b>resolve</b> → check → emit →
 * write. It reports nothing (a reference to nothing resolves to null here and is HL010 in the checks); it only
 * answers, once, what each name, default and derived fact is.
 */
public final class Resolver {
    private Resolver() {}

    public static ResolvedSpec resolve(Spec spec) {
        return new ResolvedSpec(spec);
    }
}

package hlc.model;

/**
 * A declaration with a name of its own (a host, an app, a pool, a host's volume…): what the checks that compare
 * names across one kind of block read, without a function per kind.
 */
public interface Named {
    Name name();
}

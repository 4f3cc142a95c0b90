package hlc.explain;

/**
 * One example spec of an explanation. Most findings come from the checks, which {@code hlc check} runs; a few
 * (HL096) appear only when {@code hlc compile} builds the outputs, and an example of those must be run through a
 * compile to show its finding.
 *
 * @param spec        the complete spec text, ready to be checked
 * @param compileOnly whether only {@code hlc compile}, not {@code hlc check}, reports the example's finding
 */
public record Example(String spec, boolean compileOnly) {}

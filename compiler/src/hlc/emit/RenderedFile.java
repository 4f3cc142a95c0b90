package hlc.emit;

/** A file rendered and validated in memory, ready to be written: its relative path and exact bytes as text. */
public record RenderedFile(String path, String content, boolean secret) {}

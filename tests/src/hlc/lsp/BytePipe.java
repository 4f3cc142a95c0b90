package hlc.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One direction of an in-memory connection between a test's LSP client and the server. Neither java.io's pipes
 * nor NIO's fit: a PipedInputStream fails a read with "Write end dead" when the last thread that wrote to it has
 * ended, which is what the server's diagnostics thread does at shutdown, just before the listener writes the
 * shutdown's answer (the client's listener then stopped, and the test timed out waiting for that answer); an NIO
 * pipe is closed for good when a thread writing to it is interrupted, which shutdown does to that thread too.
 * Here a write never blocks (the bytes are queued) and no thread is watched; closing the writing end is the end
 * of the stream once the reader has read what was written before it.
 */
final class BytePipe {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

    final OutputStream out = new OutputStream() {
        private volatile boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) throw new IOException("pipe closed");
            if (len > 0) chunks.add(Arrays.copyOfRange(b, off, off + len));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                chunks.add(END);
            }
        }
    };

    final InputStream in = new InputStream() {
        private byte[] current = new byte[0];
        private int at;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (current != END && at == current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the pipe");
                }
                at = 0;
            }
            if (current == END) {
                chunks.add(END); // every later read sees the end too
                return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }
    };
}

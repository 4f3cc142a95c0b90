package hlc.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server's wire, with no client library in between: the test writes whatever bytes it likes (broken JSON
 * included) in the protocol's framing, and reads back each message the server sends as text.
 */
final class RawJsonRpc implements AutoCloseable {
    private final OutputStream toServer;
    private final BlockingQueue<String> received = new ArrayBlockingQueue<>(1000);
    private final Thread serverThread;

    RawJsonRpc() throws IOException {
        BytePipe clientToServer = new BytePipe(), serverToClient = new BytePipe(); // why not java.io's pipes: BytePipe
        InputStream serverIn = clientToServer.in;
        toServer = clientToServer.out;
        InputStream clientIn = serverToClient.in;
        OutputStream serverOut = serverToClient.out;
        serverThread = new Thread(() -> {
            try {
                HlcLanguageServer.serve(serverIn, serverOut);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "hlc-lsp-under-test");
        serverThread.setDaemon(true);
        serverThread.start();
        Thread reader = new Thread(() -> read(clientIn), "raw-json-rpc-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends one message body in the protocol's framing (a Content-Length header, a blank line, the bytes). */
    void send(String body) throws IOException {
        sendBytes(body.getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] body) throws IOException {
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    /** Sends bytes as they are, framing or not. */
    void sendRaw(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** The next message from the server that contains a piece of text, skipping others; fails after 20 s. */
    String await(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String m = received.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.contains(containing)) return m;
        }
        throw new AssertionError("the server sent nothing containing " + containing);
    }

    boolean serverAlive() {
        return serverThread.isAlive();
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = header(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                if (length < 0) return;
                byte[] body = in.readNBytes(length);
                received.add(new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException closed) {
            // the test is over
        }
    }

    private static String header(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') if (c != '\r') b.write(c);
        if (c == -1) throw new IOException("closed");
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}

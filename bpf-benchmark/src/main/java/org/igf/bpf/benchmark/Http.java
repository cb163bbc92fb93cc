package org.igf.bpf.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The benchmark's HTTP/1.1 client: one kept-alive connection per client thread, a request written in
 * one piece, the answer read by its {@code Content-Length} or its chunks. The clients share the
 * machine's two cores with the application and PostgreSQL, so what they spend per request is taken
 * from what is measured; this client spends a fraction of what the JDK's {@code HttpClient} (with its
 * selector thread, futures and hand-offs per request) spent here. A failed connection is an answer
 * with status -1, as a load generator counts it. A connection idle for a second or more is checked
 * before it is used again, and replaced if the server closed it meanwhile (its keep-alive timeout);
 * a GET that still finds its connection closed before any answer is sent again once on a new
 * connection, as browsers do.
 */
final class Http {

    static final String SECRETARIAT = "secretariat:secretariat";
    static final String COORDINATOR = "coordinator:coordinator";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final long IDLE_CHECK_NANOS = 1_000_000_000L;

    record Answer(int status, String body, long startNanos, long endNanos) {
        double millis() {
            return (endNanos - startNanos) / 1e6;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final String host;
    private final int port;
    private final String basePath;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    Http(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    Answer get(String path, String credentials) {
        return send("GET", path, credentials, null);
    }

    Answer post(String path, String credentials, String body) {
        return send("POST", path, credentials, body);
    }

    private Answer send(String method, String path, String credentials, String body) {
        byte[] request = request(method, path, credentials, body);
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Connection connection = connections.get();
            if (connection != null && connection.closedWhileIdle()) {
                drop(connection);
                connection = null;
            }
            boolean reused = connection != null;
            try {
                if (connection == null) {
                    connection = new Connection(host, port);
                    connections.set(connection);
                }
                connection.out.write(request);
                connection.out.flush();
                Answer answer = connection.read(start);
                if (connection.closeAfterAnswer) {
                    drop(connection);
                }
                return answer;
            } catch (IOException e) {
                boolean answerBegun = connection != null && connection.answerBegun;
                drop(connection);
                if (method.equals("GET") && reused && !answerBegun && attempt == 1) {
                    continue;
                }
                return new Answer(-1, e.toString(), start, System.nanoTime());
            }
        }
    }

    private void drop(Connection connection) {
        connections.remove();
        if (connection != null) {
            connection.close();
        }
    }

    private byte[] request(String method, String path, String credentials, String body) {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(basePath).append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (credentials != null) {
            head.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        if (content != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (content == null) {
            return headBytes;
        }
        byte[] whole = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(content, 0, whole, headBytes.length, content.length);
        return whole;
    }

    /** One kept-alive connection and the state of the answer being read on it. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean answerBegun;
        boolean closeAfterAnswer;
        long lastAnswerNanos = System.nanoTime();

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        Answer read(long start) throws IOException {
            answerBegun = false;
            int status;
            long length = -1;
            boolean chunked = false;
            closeAfterAnswer = false;
            do { // an interim answer (1xx) is followed by the real one
                String statusLine = line();
                answerBegun = true;
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                    throw new IOException("Not an HTTP answer: " + statusLine);
                }
                status = Integer.parseInt(statusLine.substring(9, 12));
                if (statusLine.startsWith("HTTP/1.0")) {
                    closeAfterAnswer = true;
                }
                for (String header; !(header = line()).isEmpty(); ) {
                    int colon = header.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).trim();
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        case "connection" -> closeAfterAnswer |= value.equalsIgnoreCase("close");
                        default -> {
                        }
                    }
                }
            } while (status >= 100 && status < 200);
            byte[] body;
            if (status == 204 || status == 304) {
                body = new byte[0];
            } else if (chunked) {
                body = chunks();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length < length) {
                    throw new EOFException("The answer ended after " + body.length + " of its " + length + " bytes");
                }
            } else {
                body = in.readAllBytes(); // no length: the body ends with the connection
                closeAfterAnswer = true;
            }
            lastAnswerNanos = System.nanoTime();
            return new Answer(status, new String(body, StandardCharsets.UTF_8), start, lastAnswerNanos);
        }

        /**
         * Whether the server closed this connection while it was idle for a second or more (its
         * keep-alive timeout): a request written to it would fail unanswered. A connection in use
         * all along is not checked.
         */
        boolean closedWhileIdle() {
            if (System.nanoTime() - lastAnswerNanos < IDLE_CHECK_NANOS) {
                return false;
            }
            try {
                socket.setSoTimeout(1);
                in.mark(1);
                int next = in.read();
                if (next < 0) {
                    return true;
                }
                in.reset(); // bytes nobody asked for: the next answer's reading will say what they are
                return false;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException broken) {
                return true;
            } finally {
                try {
                    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                } catch (IOException ignored) {
                    // a broken socket fails the request written next
                }
            }
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int extension = size.indexOf(';');
                int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    while (!line().isEmpty()) { // trailers
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(length);
                if (chunk.length < length) {
                    throw new EOFException("The answer ended inside a chunk");
                }
                body.write(chunk);
                line();
            }
        }

        /** One header line without its CRLF; the headers are ASCII (ISO-8859-1 at most). */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException("The connection closed" + (line.isEmpty() ? "" : " inside a line: " + line));
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection already broken
            }
        }
    }

    static String json(Object... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }
}

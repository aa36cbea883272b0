package org.gardpipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A web site on 127.0.0.1 (the JDK's HttpServer on a free port) for fetch tests: serves pages by path, can be
 * told to misbehave, and records every request (arrival time, path, headers) and the most requests it had in
 * flight at once.
 */
public final class TestSite implements AutoCloseable {
    /** Answers one request; {@code n} counts the requests to that path so far, from 1. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange, int n) throws IOException, InterruptedException;
    }

    /** One request as the server saw it. */
    public record Request(long nanos, String path, Map<String, List<String>> headers) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-site");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, byte[]> sent = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public TestSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public TestSite on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The body bytes last sent for a path, exactly as they went on the wire (gzip-compressed or not). */
    public byte[] sent(String path) {
        return sent.get(path);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String path = ex.getRequestURI().getRawPath();
        synchronized (this) {
            requests.add(new Request(System.nanoTime(), path, Map.copyOf(ex.getRequestHeaders())));
        }
        try {
            Handler h = handlers.get(path);
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (h == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                h.handle(ex, n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: nothing to do
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    /** Sends a complete response with a Content-Length. */
    public void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        sent.put(ex.getRequestURI().getRawPath(), body);
        if (status == 304 || status == 204) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends the page gzip-compressed when the client asked for gzip. */
    public void sendMaybeGzip(HttpExchange ex, String contentType, byte[] body) throws IOException {
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, contentType, gzip(body));
        } else {
            send(ex, 200, contentType, body);
        }
    }

    public static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    public static byte[] gzip(byte[] body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

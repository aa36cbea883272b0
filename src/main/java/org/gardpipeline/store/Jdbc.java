package org.gardpipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC helpers, so the store's classes read as their SQL. */
final class Jdbc {
    private Jdbc() {
    }

    static PreparedStatement prepare(Connection db, String sql, Object... args) throws SQLException {
        return bind(db.prepareStatement(sql), args);
    }

    /** Sets the statement's parameters, in order, and returns it. */
    static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /** The first column of the first row as a number, or null when there is no row or it is NULL. */
    static Long single(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(db, sql, args)) {
            return single(ps);
        }
    }

    /** Runs the query; the first column of its first row as a number, or null when there is no row or it is NULL. */
    static Long single(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }

    static int update(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(db, sql, args)) {
            return ps.executeUpdate();
        }
    }
}

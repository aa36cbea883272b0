package org.gardpipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept for the length of one fetch's transaction, so that the thousands of rows of a
 * fetch are written without preparing the same SQL again for each.
 */
final class StatementCache implements AutoCloseable {
    private final Connection db;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    StatementCache(Connection db) {
        this.db = db;
    }

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return Jdbc.bind(ps, args);
    }

    /** The first column of the first row as a number, or null when there is no row or it is NULL. */
    Long single(String sql, Object... args) throws SQLException {
        return Jdbc.single(bind(sql, args));
    }

    int update(String sql, Object... args) throws SQLException {
        return bind(sql, args).executeUpdate();
    }

    /** Runs a query with the statement kept; the caller closes the result set. */
    ResultSet query(String sql, Object... args) throws SQLException {
        return bind(sql, args).executeQuery();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : prepared.values()) {
            ps.close();
        }
        prepared.clear();
    }
}

package dev.evtrace.analyzer.catalog;

import static dev.evtrace.analyzer.catalog.CatalogSchema.LATENCIES;
import static dev.evtrace.analyzer.catalog.CatalogSchema.LATENCY_COLUMNS;
import static dev.evtrace.analyzer.catalog.CatalogSchema.RUNS;
import static dev.evtrace.analyzer.catalog.CatalogSchema.RUN_COLUMNS;

import dev.evtrace.analyzer.DataException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A connection to the analytics database, with the schema in place. Every value goes in as a statement
 * parameter, never into SQL text, so a run id or event type holding quotes or semicolons is stored as data.
 */
final class Catalog implements AutoCloseable {
    /** What cataloging a run did to its rows. */
    enum Change { INSERTED, UPDATED, UNCHANGED }

    /** A run as cataloged: the key the database gave it, and what changed. */
    record Outcome(UUID runId, Change change) {}

    private final Connection connection;
    private final CatalogSchema schema;

    private Catalog(Connection connection, CatalogSchema schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * Connects and creates the schema and its tables and indexes where missing, in one transaction.
     *
     * @throws DataException when the database cannot be reached, is neither PostgreSQL nor H2, or refuses the DDL
     */
    static Catalog open(String url, String shownUrl) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new DataException("cannot connect to " + shownUrl + ": " + firstLine(e), e);
        }
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            CatalogSchema schema = CatalogSchema.of(product);
            if (schema == null) {
                throw new DataException("the catalog is for PostgreSQL or H2; " + shownUrl + " is " + product);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String ddl : schema.ddl()) {
                    statement.execute(ddl);
                }
            }
            connection.commit();
            return new Catalog(connection, schema);
        } catch (SQLException | RuntimeException e) {
            close(connection);
            throw e instanceof DataException d ? d
                    : new DataException("cannot create schema " + CatalogSchema.SCHEMA + " in " + shownUrl + ": "
                            + firstLine(e), e);
        }
    }

    /** Upserts the run and its latencies in one transaction. */
    Outcome write(CatalogRow row) {
        try {
            boolean existed = runId(row.correlationId()) != null;
            int changed = execute(schema.upsert(RUNS, RUN_COLUMNS, 1, ""), row.values());
            UUID runId = runId(row.correlationId());
            String upsertLatency = schema.upsert(LATENCIES, LATENCY_COLUMNS, 2, ", measured_at = CURRENT_TIMESTAMP");
            for (CatalogRow.Latency latency : row.latencies()) {
                changed += execute(upsertLatency, latency.values(runId));
            }
            connection.commit();
            return new Outcome(runId, !existed ? Change.INSERTED : changed > 0 ? Change.UPDATED : Change.UNCHANGED);
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new DataException("cannot catalog run " + row.correlationId() + ": " + firstLine(e), e);
        }
    }

    private UUID runId(String correlationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT run_id FROM " + RUNS + " WHERE correlation_id = ?")) {
            select.setString(1, correlationId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private int execute(String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            return statement.executeUpdate();
        }
    }

    /** Drivers append the statement and a stack of causes on further lines; the analyzer's errors are one line. */
    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message).strip();
    }

    @Override
    public void close() {
        close(connection);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Everything written is committed already; a failing close loses nothing.
        }
    }
}

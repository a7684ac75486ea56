package dev.evtrace.analyzer.catalog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog schema as the JDBC driver describes it, in words that read the same for PostgreSQL and H2
 * ("total_return DECIMAL(10,3)"), so one test checks the DDL on both.
 */
final class SchemaShape {
    private static final String SCHEMA = "backtest_analytics";

    private final DatabaseMetaData meta;

    private SchemaShape(DatabaseMetaData meta) {
        this.meta = meta;
    }

    static SchemaShape of(Connection connection) throws SQLException {
        return new SchemaShape(connection.getMetaData());
    }

    /** "name TYPE[(size[,scale])][ NOT NULL]" per column, in table order. */
    List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, SCHEMA, table, null)) {
            while (rs.next()) {
                String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                String shape = switch (type) {
                    case "uuid" -> "UUID";
                    case "varchar", "character varying" -> "VARCHAR(" + rs.getInt("COLUMN_SIZE") + ")";
                    case "numeric", "decimal" -> "DECIMAL(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")";
                    case "int4", "integer" -> "INTEGER";
                    case "timestamp" -> "TIMESTAMP";
                    default -> "unexpected " + type;
                };
                boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                columns.add(rs.getString("COLUMN_NAME") + " " + shape + (notNull ? " NOT NULL" : ""));
            }
        }
        return columns;
    }

    String defaultOf(String table, String column) throws SQLException {
        try (ResultSet rs = meta.getColumns(null, SCHEMA, table, column)) {
            return rs.next() ? String.valueOf(rs.getString("COLUMN_DEF")) : null;
        }
    }

    List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, SCHEMA, table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    /** "column -> table.column" per foreign key column. */
    List<String> foreignKeys(String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(null, SCHEMA, table)) {
            while (rs.next()) {
                keys.add(rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_NAME") + "."
                        + rs.getString("PKCOLUMN_NAME"));
            }
        }
        return keys;
    }

    /** The columns of each unique index. */
    List<List<String>> uniqueIndexColumns(String table) throws SQLException {
        return new ArrayList<>(indexes(table, true).values());
    }

    /** The columns of the named index, in index order; empty when there is no such index. */
    List<String> index(String table, String name) throws SQLException {
        return indexes(table, false).getOrDefault(name, List.of());
    }

    private Map<String, List<String>> indexes(String table, boolean unique) throws SQLException {
        Map<String, Map<Integer, String>> byIndex = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, SCHEMA, table, unique, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME") != null) {
                    byIndex.computeIfAbsent(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                            .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, List<String>> columns = new TreeMap<>();
        byIndex.forEach((index, ordered) -> columns.put(index, List.copyOf(ordered.values())));
        return columns;
    }
}

package dev.evtrace.analyzer.catalog;

import dev.evtrace.analyzer.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The databases the catalog tests run against, each starting from no backtest_analytics schema. */
enum CatalogDatabase {
    /** A new H2 file in the test's directory, in PostgreSQL mode as the catalog's default. */
    H2 {
        @Override
        String prepare(Path dir) {
            return "jdbc:h2:file:" + dir.resolve("catalog-db").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
    },
    /** The real server; the scratch database loses the schema at each test's start. */
    POSTGRESQL {
        @Override
        String prepare(Path dir) throws SQLException {
            try (Connection c = Postgres.connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS backtest_analytics CASCADE");
            }
            return Postgres.URL;
        }
    };

    /** The JDBC URL of an empty database for one test. */
    abstract String prepare(Path dir) throws SQLException;

    static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }
}

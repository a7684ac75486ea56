package dev.evtrace.analyzer;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the catalog tests write to: 127.0.0.1:5432, database test, trust auth, a scratch
 * database. In CI (CI set, not "false") it must be up, and a test that needs it fails when it is not; on a
 * developer's machine such a test is skipped instead.
 */
public final class Postgres {
    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private Postgres() {}

    /** A connection, or the test fails (CI) or is skipped (elsewhere) when the server cannot be reached. */
    public static Connection connect() {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + URL + " is unreachable: " + e.getMessage();
            if (inCi()) {
                fail(message + " (CI must run the PostgreSQL tests: start the server, see .ci/test)");
            }
            Assumptions.abort(message + "; skipped outside CI");
            throw new AssertionError("unreachable");
        }
    }

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}

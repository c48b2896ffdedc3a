package com.spatialintel.video.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Databases of their own on the local PostgreSQL, for a test run ({@link TestSession}) or a single
 * test, so runs never collide.
 */
public final class TestDatabase {

	/** The server's maintenance database; override with TEST_POSTGRES_URL. */
	static final String ADMIN_URL = System.getenv()
		.getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

	/** Databases of runs that were killed before they could drop theirs are dropped after this long. */
	private static final Duration ABANDONED_AFTER = Duration.ofHours(12);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private TestDatabase() {
	}

	private static final List<String> SESSION_DATABASES = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** An extra database that lives until the end of the run, for a test class that needs its own; returns its JDBC URL. */
	public static String createForSession(String prefix) {
		String name = create(prefix);
		SESSION_DATABASES.add(name);
		return jdbcUrl(name);
	}

	static void dropSessionDatabases() {
		SESSION_DATABASES.forEach(TestDatabase::drop);
		SESSION_DATABASES.clear();
	}

	/** Creates an empty database with a unique name starting with {@code prefix}; returns its name. */
	public static String create(String prefix) {
		UnitLayer.refuse("PostgreSQL");
		String name = prefix + "_" + LocalDateTime.now().format(STAMP) + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
		execute("CREATE DATABASE " + name);
		return name;
	}

	/** Drops the database even if a connection pool still holds connections to it. */
	public static void drop(String name) {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	public static String jdbcUrl(String database) {
		return ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
	}

	/** Drops the databases of runs that were killed before they could drop their own. */
	static void dropAbandoned() {
		LocalDateTime cutoff = LocalDateTime.now().minus(ABANDONED_AFTER);
		for (String name : query("SELECT datname FROM pg_database WHERE datname ~ '^siv_[a-z]+_[0-9]{14}_[0-9a-f]+$'")) {
			String[] parts = name.split("_");
			if (LocalDateTime.parse(parts[parts.length - 2], STAMP).isBefore(cutoff)) {
				drop(name);
			}
		}
	}

	static List<String> query(String sql) {
		return query(ADMIN_URL, sql);
	}

	static List<String> query(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw refused(sql, ex);
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw refused(sql, ex);
		}
	}

	private static IllegalStateException refused(String sql, SQLException ex) {
		return new IllegalStateException("PostgreSQL at " + ADMIN_URL + " refused '" + sql + "': " + ex.getMessage()
				+ " (is it running? make test starts it)", ex);
	}

}

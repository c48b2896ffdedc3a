package com.spatialintel.video.database;

import java.util.Locale;

/**
 * Every difference between PostgreSQL and the embedded H2 database that the code must know about.
 * The migrations are shared; only what is listed here differs.
 */
public enum SqlDialect {

	POSTGRESQL("JSONB", "CAST(? AS JSONB)"),
	H2("JSON", "? FORMAT JSON");

	/** H2 as close to PostgreSQL as it goes, appended to its JDBC URL; the migrations rely on these options. */
	public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	private final String jsonColumnType;

	private final String jsonParameter;

	SqlDialect(String jsonColumnType, String jsonParameter) {
		this.jsonColumnType = jsonColumnType;
		this.jsonParameter = jsonParameter;
	}

	/** Column type for JSON documents, used as the Flyway placeholder {@code ${json_type}}. */
	public String jsonColumnType() {
		return jsonColumnType;
	}

	/** A bind parameter that stores a JSON text as a JSON value rather than as a JSON string. */
	public String jsonParameter() {
		return jsonParameter;
	}

	public static SqlDialect fromJdbcUrl(String jdbcUrl) {
		String url = jdbcUrl.toLowerCase(Locale.ROOT);
		if (url.startsWith("jdbc:postgresql:")) {
			return POSTGRESQL;
		}
		if (url.startsWith("jdbc:h2:")) {
			return H2;
		}
		throw new IllegalArgumentException(
				"Unsupported database URL '%s': use a PostgreSQL URL (jdbc:postgresql://… or postgres://…)"
					.formatted(jdbcUrl.replaceAll("//[^@/]*@", "//***@")));
	}

}

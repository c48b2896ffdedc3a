package com.spatialintel.video.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code DATABASE_URL} as operators write it: either a JDBC URL or the common
 * {@code postgres://user:password@host:port/database?options} form.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

	public static DatabaseUrl parse(String value) {
		if (value.startsWith("jdbc:")) {
			return new DatabaseUrl(value, null, null);
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + ex.getReason(), ex);
		}
		String scheme = uri.getScheme();
		if (!"postgres".equals(scheme) && !"postgresql".equals(scheme) || uri.getHost() == null) {
			throw new IllegalArgumentException(
					"DATABASE_URL must look like postgres://user:password@host:5432/database or jdbc:postgresql://host:5432/database");
		}
		String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
		String username = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			username = decode(userInfo[0]);
			password = userInfo.length > 1 ? decode(userInfo[1]) : null;
		}
		return new DatabaseUrl(jdbcUrl, username, password);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}

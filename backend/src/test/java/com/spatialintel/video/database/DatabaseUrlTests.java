package com.spatialintel.video.database;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class DatabaseUrlTests {

	@Test
	void aPostgresUrlBecomesAJdbcUrlWithItsCredentials() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://video:p%40ss@db.internal:5433/spatial?sslmode=require");

		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/spatial?sslmode=require");
		assertThat(url.username()).isEqualTo("video");
		assertThat(url.password()).isEqualTo("p@ss");
	}

	@Test
	void aJdbcUrlIsUsedAsGiven() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/spatial?user=postgres");

		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/spatial?user=postgres");
		assertThat(url.username()).isNull();
	}

	@Test
	void anotherSchemeIsRefusedWithTheExpectedShape() {
		assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root@localhost/db"))
			.hasMessageContaining("postgres://user:password@host:5432/database");
	}

	@Test
	void theDialectFollowsTheUrlAndHidesCredentialsWhenRefused() {
		assertThat(SqlDialect.fromJdbcUrl("jdbc:postgresql://h/db")).isEqualTo(SqlDialect.POSTGRESQL);
		assertThat(SqlDialect.fromJdbcUrl("jdbc:h2:file:/tmp/db")).isEqualTo(SqlDialect.H2);
		assertThatThrownBy(() -> SqlDialect.fromJdbcUrl("jdbc:mysql://root:secret@h/db"))
			.hasMessageNotContaining("secret");
	}

}

package com.spatialintel.video.runtime;

import java.nio.file.Path;

import com.spatialintel.video.database.SqlDialect;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What {@link RuntimeEnvironmentPostProcessor} derives at start-up, for the beans that need it.
 * @param dataDir the embedded mode's folder ({@code DATA_DIR}, absolute)
 * @param sqlDialect the database's SQL differences, from its JDBC URL
 */
@ConfigurationProperties("app")
public record RuntimeSettings(Path dataDir, SqlDialect sqlDialect) {

}

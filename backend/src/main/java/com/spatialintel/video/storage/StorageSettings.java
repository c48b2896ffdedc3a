package com.spatialintel.video.storage;

import java.util.List;

import com.spatialintel.video.runtime.Secrets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults are in {@code application.yml}, next to the environment variables.
 * @param endpoint where the app reaches S3 ({@code S3_ENDPOINT}); blank in the embedded mode,
 * which starts its own S3Proxy
 * @param publicEndpoint the host written into presigned URLs for browsers ({@code S3_PUBLIC_ENDPOINT})
 * @param embeddedServer whether this process runs the embedded S3Proxy (decided at start-up)
 * @param embeddedPort the embedded S3Proxy's port ({@code EMBEDDED_S3_PORT}; 0 picks a free one)
 * @param corsOrigins the web origins allowed to PUT parts and read {@code ETag}
 * @param maxConnections the S3 connection pool ({@code S3_MAX_CONNECTIONS}): every viewer streaming a
 * proxy holds one for as long as its response lasts
 */
@Validated
@ConfigurationProperties("app.storage")
record StorageSettings(String endpoint, String publicEndpoint, String accessKey, String secretKey,
		@NotBlank(message = "S3_BUCKET must name a bucket.") String bucket,
		@NotBlank(message = "S3_REGION must name a region.") String region, boolean embeddedServer,
		@Min(value = 0, message = "EMBEDDED_S3_PORT must be between 0 and 65535.")
		@Max(value = 65535, message = "EMBEDDED_S3_PORT must be between 0 and 65535.") int embeddedPort,
		List<String> corsOrigins,
		@Min(value = 1, message = "S3_MAX_CONNECTIONS must be at least 1.") int maxConnections) {

	/** Without the secret key: settings may end up in a log line. */
	@Override
	public String toString() {
		return "StorageSettings[endpoint=%s, publicEndpoint=%s, accessKey=%s, secretKey=%s, bucket=%s, region=%s, embeddedServer=%s, embeddedPort=%d, corsOrigins=%s, maxConnections=%d]"
			.formatted(endpoint, publicEndpoint, accessKey, Secrets.mask(secretKey), bucket, region, embeddedServer,
					embeddedPort, corsOrigins, maxConnections);
	}

}

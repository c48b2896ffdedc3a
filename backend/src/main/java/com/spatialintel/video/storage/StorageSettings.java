package com.spatialintel.video.storage;

import java.util.List;

import com.spatialintel.video.system.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param endpoint where the app reaches S3 ({@code S3_ENDPOINT}); blank in the embedded mode,
 * which starts its own S3Proxy
 * @param publicEndpoint the host written into presigned URLs for browsers ({@code S3_PUBLIC_ENDPOINT})
 * @param embeddedServer whether this process runs the embedded S3Proxy (decided at start-up)
 * @param embeddedPort the embedded S3Proxy's port ({@code EMBEDDED_S3_PORT}; 0 picks a free one)
 * @param corsOrigins the web origins allowed to PUT parts and read {@code ETag}
 * @param maxConnections the S3 connection pool ({@code S3_MAX_CONNECTIONS}): every viewer streaming a
 * proxy holds one for as long as its response lasts
 */
@ConfigurationProperties("app.storage")
record StorageSettings(String endpoint, String publicEndpoint, String accessKey, String secretKey,
		@DefaultValue("spatial-intel-videos") String bucket, @DefaultValue("us-east-1") String region,
		boolean embeddedServer, @DefaultValue("9000") int embeddedPort, List<String> corsOrigins,
		@DefaultValue("200") int maxConnections) {

	/** Without the secret key: settings may end up in a log line. */
	@Override
	public String toString() {
		return "StorageSettings[endpoint=%s, publicEndpoint=%s, accessKey=%s, secretKey=%s, bucket=%s, region=%s, embeddedServer=%s, embeddedPort=%d, corsOrigins=%s, maxConnections=%d]"
			.formatted(endpoint, publicEndpoint, accessKey, Secrets.mask(secretKey), bucket, region, embeddedServer,
					embeddedPort, corsOrigins, maxConnections);
	}

}

package com.spatialintel.video.storage;

import java.net.URI;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.DisposableBean;

/**
 * The one connection to S3 (AWS SDK v2, path-style) that {@link ObjectStorage},
 * {@link MultipartUploads} and {@link RangeReads} share: one HTTP connection pool, one client, and
 * the two presigners (this server's tools and browsers reach S3 at different host names).
 */
final class S3Connection implements DisposableBean {

	final String bucket;

	final S3Client s3;

	/** The S3 client's HTTP client and pool; {@link RangeReads} sends presigned reads through it directly. */
	final SdkHttpClient http;

	/** Signs URLs that this server opens itself (ffprobe, ffmpeg, ranged reads). */
	final S3Presigner internalPresigner;

	/** Signs URLs that browsers open, with the public host name. */
	final S3Presigner externalPresigner;

	S3Connection(StorageSettings settings, S3Endpoints endpoints) {
		this.bucket = settings.bucket();
		StaticCredentialsProvider credentials = StaticCredentialsProvider
			.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		Region region = Region.of(settings.region());
		S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
		this.http = Apache5HttpClient.builder().maxConnections(settings.maxConnections()).build();
		this.s3 = S3Client.builder()
			.endpointOverride(endpoints.internal())
			.region(region)
			.credentialsProvider(credentials)
			.serviceConfiguration(pathStyle)
			.httpClient(http)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
		this.internalPresigner = presigner(endpoints.internal(), region, credentials, pathStyle);
		this.externalPresigner = presigner(endpoints.external(), region, credentials, pathStyle);
	}

	private static S3Presigner presigner(URI endpoint, Region region, StaticCredentialsProvider credentials,
			S3Configuration pathStyle) {
		return S3Presigner.builder()
			.endpointOverride(endpoint)
			.region(region)
			.credentialsProvider(credentials)
			.serviceConfiguration(pathStyle)
			.build();
	}

	/** Runs an S3 call; unreachable S3 and S3 server errors become a 503 with a sentence. */
	static <T> T call(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (SdkClientException ex) {
			throw new StorageUnavailableException(ex);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() >= 500) {
				throw new StorageUnavailableException(ex);
			}
			throw ex;
		}
	}

	static String unquote(String etag) {
		return etag == null ? null : etag.replace("\"", "");
	}

	@Override
	public void destroy() {
		internalPresigner.close();
		externalPresigner.close();
		s3.close();
		http.close();
	}

}

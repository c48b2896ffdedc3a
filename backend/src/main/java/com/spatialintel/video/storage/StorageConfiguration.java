package com.spatialintel.video.storage;

import java.net.URI;

import com.spatialintel.video.runtime.RuntimeSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	@ConditionalOnBooleanProperty("app.storage.embedded-server")
	EmbeddedS3Server embeddedS3Server(StorageSettings settings, RuntimeSettings runtime)
			throws Exception {
		return new EmbeddedS3Server(settings, runtime.dataDir());
	}

	@Bean
	S3Endpoints s3Endpoints(StorageSettings settings, ObjectProvider<EmbeddedS3Server> embedded) {
		EmbeddedS3Server server = embedded.getIfAvailable();
		URI internal = server != null ? server.endpoint() : URI.create(settings.endpoint());
		// the embedded server's own address when no public one is set: it listens on 127.0.0.1 only,
		// and "localhost" may reach ::1 first
		URI external = settings.publicEndpoint() != null && !settings.publicEndpoint().isBlank()
				? URI.create(settings.publicEndpoint()) : internal;
		return new S3Endpoints(internal, external);
	}

	@Bean
	S3Connection s3Connection(StorageSettings settings, S3Endpoints endpoints) {
		return new S3Connection(settings, endpoints);
	}

	@Bean
	ObjectStorage objectStorage(S3Connection connection) {
		return new ObjectStorage(connection);
	}

	@Bean
	MultipartUploads multipartUploads(S3Connection connection) {
		return new MultipartUploads(connection);
	}

	@Bean
	RangeReads rangeReads(S3Connection connection) {
		return new RangeReads(connection);
	}

}

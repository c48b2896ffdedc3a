package com.spatialintel.video.storage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * The S3 server of the embedded mode: S3Proxy with its filesystem store under
 * {@code DATA_DIR/objects}, SigV4 authentication on, listening on 127.0.0.1 only. Parts sent to an
 * aborted upload are refused ({@link LiveUploadsOnly}). CORS allows any origin: the page may be
 * opened at {@code localhost}, {@code 127.0.0.1} or the host's name, only a browser on this host
 * reaches a loopback port anyway, and a presigned URL is itself the credential.
 */
class EmbeddedS3Server implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);

	private final S3Proxy proxy;

	EmbeddedS3Server(StorageSettings settings, Path dataDir) throws Exception {
		Path objects = dataDir.resolve("objects");
		Files.createDirectories(objects);
		Properties properties = new Properties();
		properties.setProperty("jclouds.filesystem.basedir", objects.toString());
		this.proxy = S3Proxy.builder()
			.blobStore(new LiveUploadsOnly(BlobStores.create("filesystem-nio2", properties)))
			.endpoint(URI.create("http://127.0.0.1:" + settings.embeddedPort()))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, settings.accessKey(), settings.secretKey())
			.corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "HEAD", "PUT", "POST"),
					List.of("*"), List.of("ETag"), "false"))
			.build();
		proxy.start();
		while (!proxy.getState().equals("STARTED")) {
			Thread.sleep(10);
		}
		log.info("Embedded S3 server (S3Proxy) listening on 127.0.0.1:{}, objects under {}", proxy.getPort(), objects);
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + proxy.getPort());
	}

	@Override
	public void destroy() throws Exception {
		proxy.stop();
	}

}

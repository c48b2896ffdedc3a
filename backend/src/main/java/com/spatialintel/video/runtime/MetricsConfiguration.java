package com.spatialintel.video.runtime;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code /actuator/prometheus} may say: figures, not where the installation keeps its files. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	/** {@code disk_free_bytes{path="/srv/…/data/."}} named the data folder to anyone who could scrape. */
	@Bean
	MeterFilter noFileSystemPathsInLabels() {
		return MeterFilter.ignoreTags("path");
	}

}

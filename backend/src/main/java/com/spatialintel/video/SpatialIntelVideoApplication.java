package com.spatialintel.video;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SpatialIntelVideoApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpatialIntelVideoApplication.class, args);
	}

}

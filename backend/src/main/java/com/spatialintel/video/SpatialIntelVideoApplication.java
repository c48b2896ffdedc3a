package com.spatialintel.video;

import com.spatialintel.video.evidence.VerifyCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SpatialIntelVideoApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals(VerifyCommand.NAME)) {
			System.exit(VerifyCommand.run(args, System.out));
		}
		SpringApplication.run(SpatialIntelVideoApplication.class, args);
	}

}

package com.spatialintel.video;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules have no cycles and reach each other only through their APIs; writes docs/architecture. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SpatialIntelVideoApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/architecture"))
			.writeDocumentation();
	}

}

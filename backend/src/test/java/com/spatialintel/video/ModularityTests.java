package com.spatialintel.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules have no cycles and reach each other only through their APIs; writes docs/architecture. */
@UnitTest
class ModularityTests {

	private static final Path DOCS = Path.of("../docs/architecture");

	private final ApplicationModules modules = ApplicationModules.of(SpatialIntelVideoApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
		try (Stream<Path> diagrams = Files.list(DOCS)) {
			for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".puml")).toList()) {
				sortRelations(diagram);
			}
		}
	}

	/** The Documenter lists relations in no fixed order; sorted, the committed files stay stable. */
	private static void sortRelations(Path diagram) throws IOException {
		List<String> lines = Files.readAllLines(diagram);
		List<String> sorted = new ArrayList<>(lines.size());
		List<String> relations = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Rel(")) {
				relations.add(line);
				continue;
			}
			relations.sort(null);
			sorted.addAll(relations);
			relations.clear();
			sorted.add(line);
		}
		relations.sort(null);
		sorted.addAll(relations);
		Files.write(diagram, sorted);
	}

}

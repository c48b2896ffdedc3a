# The README's two commands. Both install or start what is missing first.
MVNW := ./mvnw -B --no-transfer-progress
JAR := backend/target/spatial-intel-video.jar

.PHONY: run test unit bench

run:
	@scripts/prerequisites.sh run
	$(MVNW) -q -DskipTests package
	java -jar $(JAR)

test:
	@scripts/prerequisites.sh test
	@rm -f backend/target/jacoco.exec  # JaCoCo appends to it: the figure is this run's alone
	$(MVNW) verify
	@scripts/coverage.sh "unit and service layers; the check asks for 80 %"

# the fast layer alone: Vitest and the backend's unit tests (testing.UnitTest), no services started
unit:
	@scripts/prerequisites.sh run
	@rm -f backend/target/jacoco.exec  # JaCoCo appends to it: the figure is this run's alone
	$(MVNW) -q -pl backend -am test -Dunit-only=true
	@scripts/coverage.sh "unit layer alone"

bench:
	bench/upload-benchmark.sh
	bench/browser-upload-benchmark.sh
	bench/processing-benchmark.sh
	bench/streaming-benchmark.sh
	bench/listing-benchmark.sh
	bench/timeline-page-benchmark.sh
	bench/evidence-export-benchmark.sh
	bench/motion-benchmark.sh
	bench/load-benchmark.sh
	bench/long-file-benchmark.sh

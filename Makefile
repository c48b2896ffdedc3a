# The README's two commands. Both install or start what is missing first.
MVNW := ./mvnw -B --no-transfer-progress
JAR := backend/target/spatial-intel-video.jar

.PHONY: run test bench

run:
	@scripts/prerequisites.sh run
	$(MVNW) -q -DskipTests package
	java -jar $(JAR)

test:
	@scripts/prerequisites.sh test
	$(MVNW) verify

bench:
	bench/upload-benchmark.sh
	bench/browser-upload-benchmark.sh
	bench/processing-benchmark.sh
	bench/streaming-benchmark.sh
	bench/listing-benchmark.sh

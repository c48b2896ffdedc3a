package com.spatialintel.video.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.WorkerProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults a worker meets (issue 26): an ffmpeg that hangs, a work folder that fills up, a work
 * folder that cannot be written. The work folder here is a tmpfs of {@link #WORK_FOLDER_MB} MB the
 * test mounts (CI runs as root), and {@code FFMPEG_PATH} is a wrapper that runs the real ffmpeg, or
 * hangs while {@link #HANG} exists.
 */
@IntegrationTest
@TestPropertySource(properties = { "APP_ROLE=all", "WORKER_CONCURRENCY=1", "JOB_TIME_LIMIT=8s" })
class WorkerFaultsTests extends TenantFixture {

	static final int WORK_FOLDER_MB = 6;

	private static Path root;

	private static Path workFolder;

	private static Path readOnly;

	private static Path hang;

	private static Path hangs;

	@DynamicPropertySource
	static void smallWorkFolderAndAnFfmpegThatMayHang(DynamicPropertyRegistry registry) throws IOException {
		String url = TestDatabase.createForSession("siv_faults");
		registry.add("spring.datasource.url", () -> url);
		root = Files.createTempDirectory("siv-faults-");
		workFolder = mount(root.resolve("work"), "size=" + WORK_FOLDER_MB + "m");
		readOnly = mount(root.resolve("read-only"), "ro,size=1m");
		hang = root.resolve("hang");
		hangs = root.resolve("hanging-ffmpegs.txt");
		Path ffmpeg = root.resolve("ffmpeg");
		Files.writeString(ffmpeg, """
				#!/bin/sh
				# the real ffmpeg, or one that hangs (and ignores nothing: it is killed) while %s exists;
				# a hanging one writes its process id and arguments to %s first
				if [ -e '%s' ]; then echo "$$ $*" >> '%s'; exec sleep 300; fi
				exec ffmpeg "$@"
				""".formatted(hang, hangs, hang, hangs));
		Files.setPosixFilePermissions(ffmpeg, PosixFilePermissions.fromString("rwxr-xr-x"));
		registry.add("JOB_WORK_DIR", workFolder::toString);
		registry.add("FFMPEG_PATH", ffmpeg::toString);
	}

	@AfterAll
	static void unmount() throws IOException {
		run("umount", workFolder.toString());
		run("umount", readOnly.toString());
		org.springframework.util.FileSystemUtils.deleteRecursively(root);
	}

	@Autowired
	ObjectStorage storage;

	@Autowired
	Environment environment;

	@Test
	void anFfmpegThatHangsIsKilledAtTheTimeLimitAndTheJobFailsWithASentence() throws IOException {
		Files.createFile(hang);
		try {
			UUID jobId = UUID.fromString(uploads.uploadWhole(TestVideos.small("hangs", 320, 240, false)).text("job_id"));
			long started = System.nanoTime();
			JsonNode job = Jobs.await(api, admin, jobId, Jobs::isFinal);

			assertThat(job.path("status").asString()).isEqualTo("failed");
			JsonNode video = api.get("/api/videos/" + job.path("video_id").asString(), admin).body();
			assertThat(video.path("processing_error").asString())
				.isEqualTo("Processing took longer than the limit of 8 s and was stopped.");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
			assertThat(hangingFfmpegsOf(jobId)).as("the job's hanging ffmpeg").isNotEmpty()
				.allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d", pid).isEmpty());
			assertFolderRemoved(jobId);
		}
		finally {
			Files.deleteIfExists(hang);
		}
	}

	@Test
	void aWorkFolderThatFillsUpFailsTheJobWithASentenceStoresNoProxyAndIsEmptiedAgain() throws IOException {
		// 5 MB of noise: the original fits the 6 MB folder, the proxy being made does not
		Path original = TestVideos.mp4("fills-the-disk", 5);
		UUID jobId = UUID.fromString(uploads.uploadWhole(original).text("job_id"));
		JsonNode job = Jobs.await(api, admin, jobId, Jobs::isFinal);

		assertThat(job.path("status").asString()).isEqualTo("failed");
		String videoId = job.path("video_id").asString();
		JsonNode video = api.get("/api/videos/" + videoId, admin).body();
		assertThat(video.path("processing_error").asString()).isEqualTo(DiskFull.SENTENCE);
		assertThat(video.path("has_proxy").asBoolean()).isFalse();
		assertThat(storage.head(mallId + "/" + pinId + "/" + videoId + "/proxy.mp4")).as("no partial proxy stored").isEmpty();
		assertFolderRemoved(jobId);
		try (var left = Files.list(workFolder)) {
			assertThat(left).as("nothing left in the work folder").isEmpty();
		}

		// with room again (a small clip), the next job of this worker goes through
		JsonNode next = Jobs.uploadAndProcess(api, uploads, admin, TestVideos.small("after-the-full-disk", 320, 240, false));
		assertThat(next.path("status").asString()).isEqualTo("completed");
	}

	@Test
	void aWorkerWhoseWorkFolderCannotBeWrittenSaysSoAndExits() throws Exception {
		Path logs = Files.createDirectories(root.resolve("logs"));
		try (WorkerProcesses workers = new WorkerProcesses(logs, environment.getProperty("S3_BUCKET"))) {
			Process worker = workers.start("read-only", TestDatabase.createForSession("siv_faults_ro"),
					WorkerProcesses.freePort(), "--JOB_WORK_DIR=" + readOnly.resolve("jobs"));

			assertThat(worker.waitFor(90, TimeUnit.SECONDS)).as("the worker exits").isTrue();
			String log = Files.readString(workers.log("read-only"));
			assertThat(worker.exitValue()).as(log).isEqualTo(1);
			assertThat(log).contains("The work folder " + readOnly.resolve("jobs") + " of this worker cannot be written")
				.contains("Read-only file system")
				.contains("Set JOB_WORK_DIR to a folder this process may write to");
		}
	}

	private void assertFolderRemoved(UUID jobId) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(workFolder.resolve(jobId.toString())).as("the job's folder").doesNotExist());
	}

	/** The process ids of the hanging ffmpegs that worked in the job's folder. */
	private static List<Long> hangingFfmpegsOf(UUID jobId) throws IOException {
		return Files.readAllLines(hangs)
			.stream()
			.filter(line -> line.contains(jobId.toString()))
			.map(line -> Long.parseLong(line.substring(0, line.indexOf(' '))))
			.toList();
	}

	private static Path mount(Path folder, String options) throws IOException {
		Files.createDirectories(folder);
		run("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString());
		return folder;
	}

	private static void run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed (the test mounts tmpfs: run it as root): "
						+ output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

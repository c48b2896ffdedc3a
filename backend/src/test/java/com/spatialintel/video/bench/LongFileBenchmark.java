package com.spatialintel.video.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Long files (issue 26, item 3): a 30-minute 1080p30 clip of about 2 GiB (the upload limit) made
 * with ffmpeg, first turned into a proxy by the bare ffmpeg command (the baseline, same arguments as
 * the app's), then uploaded through the API flow to the packaged jar running as web and two workers
 * on PostgreSQL and S3Proxy, and processed; the heaps of the web process and of both workers are
 * sampled every second from the first byte uploaded to the proxy stored.
 * {@code bench/long-file-benchmark.sh [minutes=30] [video Mb/s=9.2]}
 */
public final class LongFileBenchmark {

	private static final long MIB = 1024 * 1024;

	public static void main(String[] args) throws Exception {
		int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		String megabits = args.length > 1 ? args[1] : "9.2";
		Path work = Files.createTempDirectory("siv-long-");
		String database = TestDatabase.create("siv_longbench");
		TestS3Server.startForSession();
		String bucket = "long-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			Path clip = footage(work, minutes, megabits);
			long bytes = Files.size(clip);
			System.out.printf("%nA %d-minute 1080p30 clip, %.2f GiB (the upload limit is 2 GiB)%n", minutes, bytes / (double) (1024 * MIB));

			long bareStart = System.nanoTime();
			run(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", clip.toString(), "-map", "0:v:0", "-map", "0:a:0?",
					"-vf", "bwdif=mode=send_frame:deint=interlaced,fps=10:eof_action=pass,scale='min(854,iw)':'min(480,ih)'"
							+ ":force_original_aspect_ratio=decrease:force_divisible_by=2",
					"-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-af",
					"aformat=channel_layouts=stereo|mono", "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart",
					work.resolve("bare.mp4").toString()));
			double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
			Files.delete(work.resolve("bare.mp4"));

			try (LoadBenchmark.Topology nodes = new LoadBenchmark.Topology(work, database, bucket, true);
					SdkHttpClient http = Apache5HttpClient.builder().maxConnections(8).build()) {
				ApiClient api = nodes.api();
				String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
				UUID mallId = api.createMall(admin);
				UUID pinId = api.createPin(admin, mallId);
				List<LoadBenchmark.Sampler> samplers = new ArrayList<>();
				for (int i = 0; i < nodes.processes.size(); i++) {
					samplers.add(new LoadBenchmark.Sampler(nodes.processes.get(i), nodes.ports.get(i)));
				}
				String checksum = TestVideos.sha256(clip);
				samplers.forEach(LoadBenchmark.Sampler::start);
				long uploadStart = System.nanoTime();
				UploadBenchmark.uploadThroughApi(api, http, admin, mallId, pinId, clip, checksum);
				double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
				long processingStart = System.nanoTime();
				JsonNode listed = api.get("/api/malls/" + mallId + "/pins/" + pinId + "/videos", admin).body();
				UUID videoId = UUID.fromString(listed.path("videos").get(0).path("id").asString());
				JsonNode video = LoadBenchmark.awaitVideo(api, admin, videoId, java.time.Duration.ofHours(2));
				double pipelineSeconds = (System.nanoTime() - processingStart) / 1e9;
				samplers.forEach(LoadBenchmark.Sampler::stop);
				JsonNode job = api.get("/api/analysis/jobs/" + video.path("processing_job_id").asString(), admin).body();
				double seconds = minutes * 60.0;
				System.out.printf("  upload through the API flow: %.1f s, %.1f MiB/s%n", uploadSeconds, bytes / (double) MIB / uploadSeconds);
				System.out.printf("  %-44s %9s %12s%n", "", "seconds", "x real time");
				System.out.printf("  %-44s %9.1f %12.2f%n", "bare ffmpeg proxy command", bareSeconds, seconds / bareSeconds);
				System.out.printf("  %-44s %9.1f %12.2f%n", "pipeline (complete -> proxy ready)", pipelineSeconds,
						seconds / pipelineSeconds);
				System.out.printf("  %-44s %9.1f %12.2f%n", "the job itself (download, ffmpeg, uploads)",
						job.path("result_data").path("elapsed_seconds").asDouble(), job.path("result_data").path("speed_x").asDouble());
				System.out.printf("  pipeline / bare: %.3f; goal >= 8x real time on this machine, the seed's < 1 h for 30 min%n",
						pipelineSeconds / bareSeconds);
				System.out.printf("  status %s, checksum %s, %d bytes stored%n", video.path("processing_status").asString(),
						checksum.equals(video.path("checksum_sha256").asString()) ? "as uploaded" : "DIFFERENT",
						video.path("file_size_bytes").asLong());
				String[] names = { "web", "worker-1", "worker-2" };
				for (int i = 0; i < samplers.size(); i++) {
					LoadBenchmark.Sampler sampler = samplers.get(i);
					System.out.printf("  %-9s heap MiB min/median/max %s, first third -> last third (medians) %s, %d samples; CPU %.0f s%n",
							names[i], sampler.heapSummary(), sampler.heapTrend(), sampler.samples(), sampler.cpuSeconds());
				}
				if (!"completed".equals(video.path("processing_status").asString())) {
					throw new IllegalStateException("the long file was not processed: " + video);
				}
			}
		}
		finally {
			BenchSupport.deleteTree(work);
			TestDatabase.drop(database);
			TestVideos.deleteAll();
			TestS3Server.stopForSession();
		}
	}

	/** One minute of 1080p30 with noise and a tone, then that minute repeated by stream copy. */
	private static Path footage(Path work, int minutes, String megabits) throws Exception {
		Path minute = work.resolve("minute.mp4");
		run(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30", "-f", "lavfi",
				"-i", "sine=frequency=440", "-vf", "noise=alls=12:allf=t", "-t", "60", "-c:v", "libx264", "-preset",
				"ultrafast", "-b:v", megabits + "M", "-maxrate", megabits + "M", "-bufsize", megabits + "M", "-g", "60",
				"-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", minute.toString()));
		Path list = work.resolve("minutes.txt");
		Files.writeString(list, ("file '" + minute + "'\n").repeat(minutes));
		Path clip = work.resolve("camera-30-minutes.mp4");
		run(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", list.toString(), "-c",
				"copy", "-movflags", "+faststart", clip.toString()));
		Files.delete(minute);
		return clip;
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed");
		}
	}

	private LongFileBenchmark() {
	}

}

package com.spatialintel.video.video;

import java.util.UUID;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A video's objects are named once, all under its own prefix; keys outside one belong to no video. */
@UnitTest
class VideoFilesTests {

	private final UUID mall = UUID.randomUUID();

	private final UUID pin = UUID.randomUUID();

	private final UUID video = UUID.randomUUID();

	private final VideoFiles files = new VideoFiles(mall, pin, video);

	@Test
	void everyObjectLiesUnderTheVideosOwnPrefixAndNamesItsVideo() {
		assertThat(files.all()).hasSize(6).doesNotHaveDuplicates().allSatisfy(key -> {
			assertThat(key).startsWith(mall + "/" + pin + "/" + video + "/");
			assertThat(VideoFiles.videoOf(key)).contains(video);
		});
		assertThat(files.all()).containsAll(files.derived()).contains(files.original());
		assertThat(files.derived()).doesNotContain(files.original());
		assertThat(files.proxy()).endsWith("/proxy.mp4");
	}

	@Test
	void keysOutsideAVideosOwnPrefixBelongToNoVideo() {
		assertThat(VideoFiles.videoOf("exports/" + UUID.randomUUID() + "/clip.mp4")).isEmpty();
		assertThat(VideoFiles.videoOf("upload-checks/reach")).isEmpty();
		assertThat(VideoFiles.videoOf(files.prefix() + "deeper/proxy.mp4")).isEmpty();
		assertThat(VideoFiles.videoOf(files.prefix())).isEmpty();
		assertThat(VideoFiles.videoOf("exports/" + files.original())).isEmpty();
		assertThat(VideoFiles.videoOf(mall + "/" + pin + "/not-an-id/original.mp4")).isEmpty();
	}

}

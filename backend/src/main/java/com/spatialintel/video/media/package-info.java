/**
 * The media tools every module that reads or makes video runs: ffprobe reading a video's
 * properties ({@link com.spatialintel.video.media.VideoProbe}) and one runner for every ffmpeg
 * process ({@link com.spatialintel.video.media.FfmpegRun}): time limit, progress, stderr kept.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media tools")
package com.spatialintel.video.media;

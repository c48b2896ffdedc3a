package com.spatialintel.video.upload;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.system.ConflictException;
import com.spatialintel.video.system.NotFoundException;
import com.spatialintel.video.video.UploadStatus;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Component;

/**
 * Finding the upload a request may touch (its pin visible to the caller, the row in that pin, not
 * being deleted), and letting go of an S3 multipart upload without failing the request.
 */
@Component
class UploadRecords {

	private static final Logger log = LoggerFactory.getLogger(UploadRecords.class);

	private final Malls malls;

	private final Videos videos;

	private final MultipartUploads multipart;

	UploadRecords(Malls malls, Videos videos, MultipartUploads multipart) {
		this.malls = malls;
		this.videos = videos;
		this.multipart = multipart;
	}

	Video requireUpload(CurrentUser user, UUID mallId, UUID pinId, UUID videoId) {
		malls.requireVisiblePin(user, mallId, pinId);
		return reread(mallId, pinId, videoId);
	}

	/** The upload's row as it is now, for a caller whose access {@link #requireUpload} already checked. */
	Video reread(UUID mallId, UUID pinId, UUID videoId) {
		return videos.find(videoId)
			.filter(video -> video.mallId().equals(mallId) && video.pinId().equals(pinId) && !video.deletionRequested())
			.orElseThrow(() -> new NotFoundException("Upload", videoId));
	}

	static Video requireInProgress(Video video) {
		if (video.uploadStatus() != UploadStatus.UPLOADING) {
			throw new ConflictException(
					"This upload is no longer in progress (it is %s).".formatted(video.uploadStatus().value()));
		}
		return video;
	}

	void abortQuietly(String key, String uploadId) {
		try {
			multipart.abort(key, uploadId);
		}
		catch (RuntimeException ex) {
			log.warn("Multipart upload {} of {} not aborted ({}); the orphan sweep will", uploadId, key, ex.getMessage());
		}
	}

}

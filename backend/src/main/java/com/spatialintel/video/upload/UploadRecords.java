package com.spatialintel.video.upload;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.video.UploadStatus;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;

import org.springframework.stereotype.Component;

/**
 * Finding the upload a request may touch (its pin visible to the caller, the row in that pin, not
 * being deleted), and letting go of an S3 multipart upload without failing the request.
 */
@Component
class UploadRecords {

	private static final Logger log = LoggerFactory.getLogger(UploadRecords.class);

	private final Malls malls;

	private final VideoAccess access;

	private final MultipartUploads multipart;

	UploadRecords(Malls malls, VideoAccess access, MultipartUploads multipart) {
		this.malls = malls;
		this.access = access;
		this.multipart = multipart;
	}

	Video requireUpload(CurrentUser user, UUID mallId, UUID pinId, UUID videoId) {
		malls.requireVisiblePin(user, mallId, pinId);
		return reread(mallId, pinId, videoId);
	}

	/** The upload's row as it is now, for a caller whose access {@link #requireUpload} already checked. */
	Video reread(UUID mallId, UUID pinId, UUID videoId) {
		return access.requireInPin(mallId, pinId, videoId, "Upload");
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

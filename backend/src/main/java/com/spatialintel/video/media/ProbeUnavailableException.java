package com.spatialintel.video.media;

import com.spatialintel.video.errors.ServiceUnavailableException;

/** ffprobe could not run or could not reach the file: no verdict on the file, try again later. */
class ProbeUnavailableException extends ServiceUnavailableException {

	ProbeUnavailableException(String detail, Throwable cause) {
		super(detail, cause);
	}

}

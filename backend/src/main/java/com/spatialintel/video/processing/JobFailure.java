package com.spatialintel.video.processing;

/** A failure that running the job again will not cure; the message is the sentence people read. */
final class JobFailure extends RuntimeException {

	private final String detail;

	/** @param detail what operators are told besides (ffmpeg's last lines, the stored checksum) */
	JobFailure(String sentence, String detail) {
		super(sentence);
		this.detail = detail;
	}

	String detail() {
		return detail;
	}

}

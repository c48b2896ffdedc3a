package com.spatialintel.video.evidence;

/** An export that running again will not help: it fails with this sentence. */
class ExportFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ExportFailure(String sentence) {
		super(sentence);
	}

}

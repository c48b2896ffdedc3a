package com.spatialintel.video.upload;

/** How a file is cut into parts: the configured size, raised in whole MiB when needed to stay within 10,000 parts. */
record PartPlan(long partSizeBytes, int totalParts) {

	private static final long MIB = 1024 * 1024;

	static PartPlan of(long fileSizeBytes, long configuredPartSize) {
		long partSize = configuredPartSize;
		if (ceilDiv(fileSizeBytes, partSize) > UploadSettings.MAX_PARTS) {
			partSize = ceilDiv(ceilDiv(fileSizeBytes, UploadSettings.MAX_PARTS), MIB) * MIB;
		}
		return new PartPlan(partSize, (int) ceilDiv(fileSizeBytes, partSize));
	}

	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}

}

package com.spatialintel.video.video;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every change of a video's processing status the app makes, each from the states it may start
 * in. {@link VideoRepository} builds its guards from these, and each must be allowed by
 * {@link ProcessingStatus}'s table (checked when the class loads), so the table owns them all.
 */
enum ProcessingTransition {

	/** The job was handed to the queue. */
	QUEUE(EnumSet.of(ProcessingStatus.PENDING), ProcessingStatus.QUEUED),

	/** A worker took the job (again, when its first worker fell silent). */
	START(EnumSet.of(ProcessingStatus.PENDING, ProcessingStatus.QUEUED, ProcessingStatus.RUNNING),
			ProcessingStatus.RUNNING),

	/** A transient failure: the job will run again. */
	REQUEUE(EnumSet.of(ProcessingStatus.RUNNING), ProcessingStatus.QUEUED),

	COMPLETE(EnumSet.of(ProcessingStatus.RUNNING), ProcessingStatus.COMPLETED),

	FAIL(EnumSet.of(ProcessingStatus.PENDING, ProcessingStatus.QUEUED, ProcessingStatus.RUNNING),
			ProcessingStatus.FAILED),

	/** A finished video gets a new proxy job. */
	REPROCESS(EnumSet.of(ProcessingStatus.COMPLETED, ProcessingStatus.FAILED), ProcessingStatus.PENDING);

	private final Set<ProcessingStatus> from;

	private final ProcessingStatus to;

	ProcessingTransition(Set<ProcessingStatus> from, ProcessingStatus to) {
		for (ProcessingStatus source : from) {
			if (!source.mayBecome(to)) {
				throw new IllegalStateException(name() + ": " + source + " may not become " + to);
			}
		}
		this.from = from;
		this.to = to;
	}

	Set<ProcessingStatus> from() {
		return from;
	}

	ProcessingStatus to() {
		return to;
	}

	/** The SQL guard and new value: {@code processing_status = 'x'} for SET, the IN list for WHERE. */
	String set() {
		return "processing_status = '" + to.value() + "'";
	}

	String guard() {
		return from.stream().map(status -> "'" + status.value() + "'")
			.collect(Collectors.joining(", ", "processing_status IN (", ")"));
	}

}

package com.spatialintel.video.jobqueue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "a job was enqueued" hints into fetches of this node's job server, on one thread of its
 * own, so that the thread that heard the hint (the listener, a request) never waits for one.
 * <ul>
 * <li>Hints that come while a fetch waits to run make one fetch.</li>
 * <li>A hint that comes while a fetch runs makes one more fetch after it: the running fetch may have
 * read the queue before that job was committed.</li>
 * <li>Every fetch is followed by one more {@link #AGAIN_AFTER} later, unless one is due already:
 * JobRunr's own poll may have held the fetch lock at that moment (the fetch then does nothing), and
 * it may have read the queue before the commit.</li>
 * </ul>
 * Polling stays the safety net; a hint is never more than a hint.
 */
final class JobWakeUp implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(JobWakeUp.class);

	static final Duration AGAIN_AFTER = Duration.ofMillis(250);

	private final Runnable fetch;

	private final ScheduledExecutorService thread;

	private final AtomicBoolean waiting = new AtomicBoolean();

	/** The follow-up fetch; touched on {@link #thread} only. */
	private ScheduledFuture<?> again;

	JobWakeUp(Runnable fetch) {
		this.fetch = fetch;
		this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread wakeUp = new Thread(runnable, "job-wake-up");
			wakeUp.setDaemon(true);
			return wakeUp;
		});
	}

	/** Asks for a fetch soon; returns at once. */
	void wake() {
		if (waiting.compareAndSet(false, true)) {
			try {
				thread.execute(this::fetchAndAgain);
			}
			catch (java.util.concurrent.RejectedExecutionException closed) {
				waiting.set(false);
			}
		}
	}

	private void fetchAndAgain() {
		waiting.set(false);
		fetchQuietly();
		if (again == null || again.isDone()) {
			again = thread.schedule(this::fetchQuietly, AGAIN_AFTER.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void fetchQuietly() {
		try {
			fetch.run();
		}
		catch (RuntimeException ex) {
			// the poll fetches anyway; a failing fetch (the database away) is the poll's to report
			log.debug("Fetching enqueued jobs on a wake-up failed", ex);
		}
	}

	@Override
	public void close() {
		thread.shutdownNow();
	}

}

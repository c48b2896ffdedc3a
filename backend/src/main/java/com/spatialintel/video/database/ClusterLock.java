package com.spatialintel.video.database;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lock that one node of the cluster holds at a time, as a lease in {@code cluster_locks}: taking
 * it is a conditional update, so it works the same on PostgreSQL and H2, and a node that dies while
 * holding it only blocks the others until the lease runs out.
 */
@Component
public class ClusterLock {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String node = hostname();

	ClusterLock(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return the holder's token when the lock was free (or its lease ran out); empty when another holds it */
	public Optional<String> tryLock(String name, Duration lease) {
		Instant now = clock.instant();
		String holder = node + "/" + UUID.randomUUID();
		boolean taken = jdbc.sql("UPDATE cluster_locks SET holder = ?, locked_until = ? WHERE name = ? AND locked_until <= ?")
			.params(holder, DbTime.of(now.plus(lease)), name, DbTime.of(now))
			.update() == 1;
		return taken ? Optional.of(holder) : Optional.empty();
	}

	public void unlock(String name, String holder) {
		jdbc.sql("UPDATE cluster_locks SET holder = NULL, locked_until = ? WHERE name = ? AND holder = ?")
			.params(DbTime.of(Instant.EPOCH), name, holder)
			.update();
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}

package com.spatialintel.video.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Failures as a sorted set per key (score: the instant in ms) under {@code prefix + key}, expiring
 * with the window, shared by every node. When Redis does not answer, this node counts in memory
 * for a minute before it asks Redis again, so that signing in waits on an absent Redis at most
 * once a minute, and says so in the log each time it gives up on Redis.
 */
class RedisFailedLogins implements FailedLogins {

	private static final Logger log = LoggerFactory.getLogger(RedisFailedLogins.class);

	static final Duration RETRY_REDIS_AFTER = Duration.ofMinutes(1);

	private final StringRedisTemplate redis;

	private final String prefix;

	private final FailedLogins fallback = new InMemoryFailedLogins();

	private final Clock clock;

	private volatile Instant redisAwayUntil = Instant.MIN;

	RedisFailedLogins(StringRedisTemplate redis, String prefix, Clock clock) {
		this.redis = redis;
		this.prefix = prefix;
		this.clock = clock;
	}

	@Override
	public Recent recent(String key, Instant now, Duration window) {
		if (redisAway()) {
			return fallback.recent(key, now, window);
		}
		try {
			String redisKey = prefix + key;
			redis.opsForZSet().removeRangeByScore(redisKey, Double.NEGATIVE_INFINITY, now.minus(window).toEpochMilli());
			Long count = redis.opsForZSet().zCard(redisKey);
			if (count == null || count == 0) {
				return Recent.NONE;
			}
			Set<TypedTuple<String>> oldest = redis.opsForZSet().rangeWithScores(redisKey, 0, 0);
			Double score = oldest == null || oldest.isEmpty() ? null : oldest.iterator().next().getScore();
			return new Recent(count.intValue(), score == null ? now : Instant.ofEpochMilli(score.longValue()));
		}
		catch (DataAccessException ex) {
			away(ex);
			return fallback.recent(key, now, window);
		}
	}

	@Override
	public void add(String key, Instant now, Duration window) {
		if (redisAway()) {
			fallback.add(key, now, window);
			return;
		}
		try {
			String redisKey = prefix + key;
			redis.opsForZSet().add(redisKey, now.toEpochMilli() + ":" + UUID.randomUUID(), now.toEpochMilli());
			redis.expire(redisKey, window);
		}
		catch (DataAccessException ex) {
			away(ex);
			fallback.add(key, now, window);
		}
	}

	@Override
	public void forget(String key) {
		fallback.forget(key);
		if (redisAway()) {
			return;
		}
		try {
			redis.delete(prefix + key);
		}
		catch (DataAccessException ex) {
			away(ex);
		}
	}

	private boolean redisAway() {
		return clock.instant().isBefore(redisAwayUntil);
	}

	private void away(DataAccessException ex) {
		redisAwayUntil = clock.instant().plus(RETRY_REDIS_AFTER);
		log.warn("Redis does not answer ({}); failed sign-ins are counted on this node only for the next {} s",
				ex.getMessage(), RETRY_REDIS_AFTER.toSeconds());
	}

}

package com.spatialintel.video.upload;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sessions as JSON ({@code {upload_id, mall_id, pin_id, total_parts, expires_at}}) under
 * {@code upload:{video_id}} with a TTL. Redis being down is logged and otherwise ignored: the
 * database row is the truth.
 */
class RedisUploadSessions implements UploadSessions {

	private static final Logger log = LoggerFactory.getLogger(RedisUploadSessions.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	RedisUploadSessions(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	@Override
	public void save(UUID videoId, UploadSession session, Duration ttl) {
		try {
			redis.opsForValue().set(UploadSessions.key(videoId), json.writeValueAsString(session), ttl);
		}
		catch (DataAccessException ex) {
			log.warn("Upload session {} not cached in Redis ({}); the database keeps it", videoId, ex.getMessage());
		}
	}

	@Override
	public Optional<UploadSession> find(UUID videoId) {
		try {
			String value = redis.opsForValue().get(UploadSessions.key(videoId));
			return value == null ? Optional.empty() : Optional.of(json.readValue(value, UploadSession.class));
		}
		catch (DataAccessException ex) {
			log.warn("Upload session {} not read from Redis ({}); using the database", videoId, ex.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public void delete(UUID videoId) {
		try {
			redis.delete(UploadSessions.key(videoId));
		}
		catch (DataAccessException ex) {
			log.warn("Upload session {} not removed from Redis ({}); it expires by itself", videoId, ex.getMessage());
		}
	}

}

package com.spatialintel.video.upload;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Redis when {@code REDIS_URL} is set; memory only without it (the embedded mode). */
@Configuration(proxyBeanMethods = false)
class UploadSessionsConfiguration {

	@Bean
	@ConditionalOnProperty(name = "app.upload-sessions.store", havingValue = "redis")
	UploadSessions redisUploadSessions(StringRedisTemplate redis, JsonMapper json) {
		return new RedisUploadSessions(redis, json);
	}

	@Bean
	@ConditionalOnProperty(name = "app.upload-sessions.store", havingValue = "memory", matchIfMissing = true)
	UploadSessions inMemoryUploadSessions(Clock clock) {
		return new InMemoryUploadSessions(clock);
	}

}

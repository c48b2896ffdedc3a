package com.spatialintel.video.auth;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Failed sign-ins in Redis when {@code REDIS_URL} is set, so that every web node counts the same; in memory without. */
@Configuration(proxyBeanMethods = false)
class FailedLoginsConfiguration {

	@Bean
	@ConditionalOnProperty(name = "app.redis.enabled", havingValue = "true")
	FailedLogins redisFailedLogins(StringRedisTemplate redis, AuthSettings settings, Clock clock) {
		return new RedisFailedLogins(redis, settings.failedLoginKeyPrefix(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "app.redis.enabled", havingValue = "false", matchIfMissing = true)
	FailedLogins inMemoryFailedLogins() {
		return new InMemoryFailedLogins();
	}

}

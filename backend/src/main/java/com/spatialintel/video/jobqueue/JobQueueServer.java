package com.spatialintel.video.jobqueue;

import java.util.List;

import com.spatialintel.video.database.SqlDialect;
import com.spatialintel.video.runtime.RuntimeSettings;
import org.jobrunr.jobs.AbstractJob;
import org.jobrunr.jobs.filters.JobClientFilter;
import org.jobrunr.jobs.filters.RetryFilter;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.spring.autoconfigure.JobRunrProperties;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This node's job server as JobRunr's starter makes it (same settings, same retry filter), made
 * {@link WakeableJobServer wakeable}, and what wakes it: on PostgreSQL the {@link EnqueuedJobListener}
 * (any node's enqueue); in the embedded mode, where H2 has no {@code NOTIFY} and web and worker are
 * one process, the job scheduler itself, after each job it creates. The poll
 * ({@code poll-interval-in-seconds}, 5 s or more) stays the safety net, and the only way when
 * {@code JOB_WAKE_UP=false} (the load benchmark's baseline; an escape hatch).
 */
@Configuration(proxyBeanMethods = false)
class JobQueueServer {

	@Bean
	@ConditionalOnProperty(prefix = "jobrunr.background-job-server", name = "enabled", havingValue = "true")
	WakeableJobServer backgroundJobServer(StorageProvider storageProvider, JsonMapper jobRunrJsonMapper,
			JobActivator jobActivator, BackgroundJobServerConfiguration configuration, JobRunrProperties properties) {
		WakeableJobServer server = new WakeableJobServer(storageProvider, jobRunrJsonMapper, jobActivator,
				configuration);
		server.setJobFilters(List.of(new RetryFilter(properties.getJobs().getDefaultNumberOfRetries(),
				properties.getJobs().getRetryBackOffTimeSeed())));
		return server;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(prefix = "jobrunr.background-job-server", name = "enabled", havingValue = "true")
	@ConditionalOnProperty(name = "JOB_WAKE_UP", havingValue = "true", matchIfMissing = true)
	JobWakeUp jobWakeUp(WakeableJobServer server) {
		return new JobWakeUp(server::fetchNow);
	}

	@Bean
	@ConditionalOnProperty(prefix = "jobrunr.background-job-server", name = "enabled", havingValue = "true")
	@ConditionalOnProperty(name = "JOB_WAKE_UP", havingValue = "true", matchIfMissing = true)
	EnqueuedJobListener enqueuedJobListener(DataSourceProperties database, RuntimeSettings runtime, JobWakeUp wakeUp) {
		return runtime.sqlDialect() == SqlDialect.POSTGRESQL
				? new EnqueuedJobListener(database.determineUrl(), database.determineUsername(),
						database.determinePassword(), wakeUp)
				: null;
	}

	/** JobRunr's scheduler, which in the embedded mode also wakes the local server after each job it creates. */
	@Bean
	JobRequestScheduler jobRequestScheduler(StorageProvider storageProvider, RuntimeSettings runtime,
			ObjectProvider<JobWakeUp> wakeUp) {
		if (runtime.sqlDialect() == SqlDialect.POSTGRESQL) {
			return new JobRequestScheduler(storageProvider, List.of());
		}
		return new JobRequestScheduler(storageProvider, List.of(new JobClientFilter() {
			@Override
			public void onCreated(AbstractJob job) {
				wakeUp.ifAvailable(JobWakeUp::wake);
			}
		}));
	}

}

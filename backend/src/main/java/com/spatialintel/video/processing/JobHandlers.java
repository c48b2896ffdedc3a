package com.spatialintel.video.processing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The one place where each job type finds its handler: exactly one per type, checked at start-up. */
@Component
class JobHandlers {

	private final Map<JobType, JobHandler> byType = new EnumMap<>(JobType.class);

	JobHandlers(List<JobHandler> handlers) {
		for (JobHandler handler : handlers) {
			JobHandler other = byType.put(handler.type(), handler);
			if (other != null) {
				throw new IllegalStateException("Job type " + handler.type() + " has two handlers: "
						+ other.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
			}
		}
		for (JobType type : JobType.values()) {
			if (!byType.containsKey(type)) {
				throw new IllegalStateException("Job type " + type + " has no handler");
			}
		}
	}

	JobHandler of(JobType type) {
		return byType.get(type);
	}

}

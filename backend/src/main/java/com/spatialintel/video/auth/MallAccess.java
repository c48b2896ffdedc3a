package com.spatialintel.video.auth;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one answer to "may this caller see this mall?" for a request that names something in it.
 * A refusal is published ({@link MallAccessRefused}); the caller answers 404 as for nothing at all.
 */
@Service
public class MallAccess {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MallAccess(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param resource what was asked for, as the 404 names it ({@code Mall}, {@code Video}, {@code Job})
	 * @param resourceId its id as asked
	 */
	public boolean maySee(CurrentUser user, UUID mallId, String resource, UUID resourceId) {
		if (user.maySee(mallId)) {
			return true;
		}
		events.publishEvent(new MallAccessRefused(user.id(), user.email(), mallId, resource, resourceId, clock.instant()));
		return false;
	}

}

package com.spatialintel.video.watchdog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the watchdog now, the same code as the nightly run. */
@RestController
class WatchdogController {

	private final Watchdog watchdog;

	WatchdogController(Watchdog watchdog) {
		this.watchdog = watchdog;
	}

	@PostMapping("/api/admin/cleanup-stuck-jobs")
	@PreAuthorize("hasRole('ADMIN')")
	WatchdogReport cleanUp() {
		return watchdog.run();
	}

}

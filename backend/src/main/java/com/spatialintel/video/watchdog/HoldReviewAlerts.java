package com.spatialintel.video.watchdog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.spatialintel.video.retention.HoldEvents.HoldsOverdue;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once a day (the retention run), one alert lists the legal holds past their review date. */
@Component
class HoldReviewAlerts {

	private final AlertSender alerts;

	HoldReviewAlerts(AlertSender alerts) {
		this.alerts = alerts;
	}

	@EventListener
	void on(HoldsOverdue overdue) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("holds", overdue.holds()
			.stream()
			.map(hold -> hold.holdId() + " (review on " + hold.reviewOn() + ", placed by " + hold.placedBy() + ": "
					+ hold.reason() + ")")
			.collect(Collectors.joining("; ")));
		alerts.send(new Alert("legal_hold_review", overdue.holds().size()
				+ " legal hold(s) are past their review date: review each, and lift those no longer needed.", details));
	}

}

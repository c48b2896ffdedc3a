package com.spatialintel.video.watchdog;

import java.util.Map;

/**
 * What {@code send_alert(type, details)} of the plan sends: a type ({@code watchdog_cleanup},
 * {@code job_failed}), one line a person reads, and the details as key/value pairs.
 */
record Alert(String type, String summary, Map<String, String> details) {
}

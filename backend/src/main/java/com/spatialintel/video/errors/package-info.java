/**
 * How the app says no: the domain exceptions every module throws with the sentence a person
 * reads, the one writer of RFC 9457 problem+json bodies ({@link com.spatialintel.video.errors.ProblemWriter}),
 * and every place that answers with one: the advice, the error page, Tomcat's error report,
 * the request filters that refuse malformed input, and the actuator's bare errors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Errors")
package com.spatialintel.video.errors;

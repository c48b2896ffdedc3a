/**
 * Cross-cutting runtime concerns: how the process chooses between the embedded and the external
 * mode, the SQL dialect differences, error responses (RFC 9457), time, and API documentation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package com.spatialintel.video.system;

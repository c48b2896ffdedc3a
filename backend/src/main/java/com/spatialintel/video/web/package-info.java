/**
 * The web UI as the server delivers it: the single-page app's files (built from
 * {@code frontend/}), its deep links, the few settings the browser reads instead of repeating
 * constants, and the line that tells a newcomer where to open it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI")
package com.spatialintel.video.web;

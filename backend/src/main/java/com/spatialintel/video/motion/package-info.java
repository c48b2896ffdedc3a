/**
 * Motion: an index of change per second and per cell of a 32×18 grid, computed once from the frames
 * the proxy job already decodes and stored beside the proxy ({@code motion.bin}); the activity of a
 * video or a pin's window, and the search for motion in regions of the frame, read from the indexes
 * without decoding anything.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Motion")
package com.spatialintel.video.motion;

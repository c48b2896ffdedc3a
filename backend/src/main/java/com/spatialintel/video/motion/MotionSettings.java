package com.spatialintel.video.motion;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the settings with an environment variable are in {@code application.yml}, next to it.
 * @param enabled whether the proxy job also makes the motion index ({@code MOTION_INDEX}); off, the
 * benchmark measures what it costs
 * @param cacheMegabytes how much memory decoded indexes may take on a node, for repeated searches
 */
@Validated
@ConfigurationProperties("app.motion")
public record MotionSettings(boolean enabled, @Min(0) int cacheMegabytes) {
}

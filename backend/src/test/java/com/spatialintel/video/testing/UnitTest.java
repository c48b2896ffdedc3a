package com.spatialintel.video.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * The fast unit layer: pure logic, or at most a Spring binder or a loopback socket of the test's
 * own; no app, no PostgreSQL, Redis, S3Proxy, ffmpeg or Chromium. These run first in
 * {@code make test} (a failure stops the build within seconds) and alone in {@code make unit};
 * {@link UnitLayer} refuses the services while they run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UnitTest.TAG)
public @interface UnitTest {

	String TAG = "unit";

}

package com.spatialintel.video.runtime;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Small in-process housekeeping ({@code @Scheduled}) that is safe to run on every node at once. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}

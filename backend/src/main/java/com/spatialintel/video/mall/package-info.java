/**
 * Malls and the camera pins placed on their floor plans, and which of them a caller may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Malls and pins")
package com.spatialintel.video.mall;

/**
 * Who the caller is and what they may see: users, roles, mall grants, login and JWTs.
 * Other modules receive a {@link com.spatialintel.video.auth.CurrentUser} and ask it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auth")
package com.spatialintel.video.auth;

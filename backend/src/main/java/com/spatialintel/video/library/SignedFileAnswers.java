package com.spatialintel.video.library;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

/**
 * What the OpenAPI document says of a signed file link ({@code /proxy}, {@code /poster}) besides
 * its bytes: no token (the signature is the credential), conditional and range answers, and the
 * problems a link or a range can have. Each endpoint adds its 200 and 206 with its media type.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "304", description = "Not modified (If-None-Match, If-Modified-Since)")
@ApiResponse(responseCode = "403", description = "The signed link is altered or expired; ask for a new one",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
@ApiResponse(responseCode = "412", description = "If-Match or If-Unmodified-Since does not hold",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
@ApiResponse(responseCode = "416", description = "The range starts past the end of the file",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
@SecurityRequirements
@interface SignedFileAnswers {
}

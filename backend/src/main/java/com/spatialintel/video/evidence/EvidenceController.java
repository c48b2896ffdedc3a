package com.spatialintel.video.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.evidence.ExportApi.DownloadLink;
import com.spatialintel.video.evidence.ExportApi.ExportList;
import com.spatialintel.video.evidence.ExportApi.ExportRequest;
import com.spatialintel.video.evidence.ExportApi.ExportResponse;
import com.spatialintel.video.evidence.ExportEvents.ExportDownloaded;
import com.spatialintel.video.storage.ObjectStorage;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence exports: asked for by operators and admins, read by whoever may see the mall, downloaded
 * through a signed link, deleted by admins; packages checked by any signed-in user; the public key
 * published to all.
 */
@RestController
class EvidenceController {

	private final ExportService exports;

	private final ExportLinks links;

	private final EvidenceKeys keys;

	private final EvidenceVerification verification;

	private final ObjectStorage storage;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EvidenceController(ExportService exports, ExportLinks links, EvidenceKeys keys, EvidenceVerification verification,
			ObjectStorage storage, ApplicationEventPublisher events, Clock clock) {
		this.exports = exports;
		this.links = links;
		this.keys = keys;
		this.verification = verification;
		this.storage = storage;
		this.events = events;
		this.clock = clock;
	}

	/** Asks for an export; its job cuts it from the originals (follow it with GET /api/exports/{id}). */
	@PostMapping("/api/malls/{mall_id}/exports")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	ExportResponse create(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@Valid @org.springframework.web.bind.annotation.RequestBody ExportRequest request) {
		return ExportResponse.of(exports.create(user, mallId, request));
	}

	@GetMapping("/api/malls/{mall_id}/exports")
	ExportList ofMall(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId) {
		return new ExportList(exports.ofMall(user, mallId).stream().map(ExportResponse::of).toList());
	}

	/** The exports cut from this video. */
	@GetMapping("/api/videos/{video_id}/exports")
	ExportList ofVideo(@AuthenticationPrincipal CurrentUser user, @PathVariable("video_id") UUID videoId) {
		return new ExportList(exports.ofVideo(user, videoId).stream().map(ExportResponse::of).toList());
	}

	@GetMapping("/api/exports/{export_id}")
	ExportResponse export(@AuthenticationPrincipal CurrentUser user, @PathVariable("export_id") UUID exportId) {
		return ExportResponse.of(exports.requireVisible(user, exportId));
	}

	/** A link that downloads the package without a bearer token, until it expires. */
	@GetMapping("/api/exports/{export_id}/download-url")
	DownloadLink downloadUrl(@AuthenticationPrincipal CurrentUser user, @PathVariable("export_id") UUID exportId) {
		EvidenceExport export = exports.requireVisible(user, exportId);
		if (export.status() != ExportStatus.COMPLETED) {
			throw new ConflictException(export.status() == ExportStatus.DELETED ? "This export was deleted, with its package."
					: export.status() == ExportStatus.FAILED ? "This export failed (" + export.error() + "); it has no package."
							: "This export's package is still being made (" + export.progress() + " % done); try again shortly.");
		}
		return links.sign(exportId);
	}

	@ApiResponse(responseCode = "200", description = "The package", content = @Content(mediaType = "application/zip"))
	@ApiResponse(responseCode = "403", description = "The signed link is altered or expired; ask for a new one",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@SecurityRequirements
	@GetMapping("/api/exports/{export_id}/package")
	void download(@PathVariable("export_id") UUID exportId, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String signature, HttpServletResponse response) throws IOException {
		links.verify(exportId, expires, signature);
		EvidenceExport export = exports.find(exportId)
			.filter(found -> found.status() == ExportStatus.COMPLETED)
			.orElseThrow(() -> new NotFoundException("This export has no package any more: it was deleted."));
		try (ResponseInputStream<GetObjectResponse> in = storage.download(export.packageKey())
			.orElseThrow(() -> new NotFoundException("This export's package is missing from storage."))) {
			long bytes = in.response().contentLength();
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType("application/zip");
			response.setContentLengthLong(bytes);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.packageName()).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
			events.publishEvent(new ExportDownloaded(exportId, export.mallId(), bytes, clock.instant()));
			OutputStream out = response.getOutputStream();
			in.transferTo(out);
		}
	}

	/** Deletes the package (the record stays, marked deleted); the export's sources are no longer kept for it. */
	@DeleteMapping("/api/exports/{export_id}")
	@PreAuthorize("hasRole('ADMIN')")
	ExportResponse delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable("export_id") UUID exportId) {
		return ExportResponse.of(exports.delete(admin, exportId));
	}

	/** The server's Ed25519 public key (PEM), which signs every export's manifest. */
	@ApiResponse(responseCode = "200", description = "The key, PEM", content = @Content(mediaType = "application/x-pem-file"))
	@SecurityRequirements
	@GetMapping("/api/evidence/public-key")
	ResponseEntity<String> publicKey() {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("application/x-pem-file"))
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
			.body(keys.publicKeyPem());
	}

	/** Checks a package (the export's ZIP, as the request body): signature, every file's hash, the sources. */
	@PostMapping(path = "/api/evidence/verify", consumes = { "application/zip", "application/octet-stream" })
	@RequestBody(content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	EvidenceVerification.VerificationReport verify(HttpServletRequest request) throws IOException {
		return verification.verify(request.getInputStream());
	}

}

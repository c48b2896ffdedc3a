package com.spatialintel.video.testing;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * For every test, a mall and a pin of its own, made through the API by the admin, and
 * {@link #uploads} to that pin (as the admin unless a class uploads as someone else).
 */
public abstract class TenantFixture {

	@Autowired
	protected ApiClient api;

	protected String admin;

	protected UUID mallId;

	protected UUID pinId;

	protected Uploads uploads;

	@BeforeEach
	void createTenant() {
		beforeTenant();
		admin = api.adminToken();
		mallId = api.createMall(admin);
		pinId = api.createPin(admin, mallId);
		uploads = new Uploads(api, uploaderToken(), mallId, pinId);
	}

	/** What a class must do before the tenant (and its tokens) are made, e.g. move its clock. */
	protected void beforeTenant() {
	}

	/** Whose token {@link #uploads} sends. */
	protected String uploaderToken() {
		return admin;
	}

}

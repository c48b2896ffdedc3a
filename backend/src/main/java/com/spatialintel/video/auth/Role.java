package com.spatialintel.video.auth;

/** What a user may do; see SPEC §1. */
public enum Role {

	/** Everything, including user, mall and pin management. */
	ADMIN,
	/** Uploads, lists, plays and deletes videos in granted malls. */
	OPERATOR,
	/** Lists and plays videos in granted malls. */
	VIEWER;

	String authority() {
		return "ROLE_" + name();
	}

}

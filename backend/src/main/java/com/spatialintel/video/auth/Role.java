package com.spatialintel.video.auth;

/** What a user may do; each user has one role, and operators and viewers only in the malls granted to them. */
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

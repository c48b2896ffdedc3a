package com.spatialintel.video.evidence;

/**
 * One check of a package, with a sentence saying what was found.
 * @param kind {@code package}, {@code signature}, {@code key}, {@code file} or {@code source}
 * @param name what was checked: a file of the package, a source video's id, the manifest
 */
record PackageCheck(String kind, String name, boolean passed, String detail) {

	static PackageCheck pass(String kind, String name, String detail) {
		return new PackageCheck(kind, name, true, detail);
	}

	static PackageCheck fail(String kind, String name, String detail) {
		return new PackageCheck(kind, name, false, detail);
	}

}

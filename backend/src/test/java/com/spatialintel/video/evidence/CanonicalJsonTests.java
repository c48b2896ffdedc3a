package com.spatialintel.video.evidence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class CanonicalJsonTests {

	@Test
	void keysAreSortedAtEveryLevelWithoutWhitespaceAndNumbersArePlain() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("z", null);
		inner.put("a", List.of(1, 2L, new BigDecimal("7.000000"), new BigDecimal("0.000000"), new BigDecimal("12.340")));
		Map<String, Object> outer = new LinkedHashMap<>();
		outer.put("b", true);
		outer.put("a", inner);

		assertThat(text(outer)).isEqualTo("{\"a\":{\"a\":[1,2,7,0,12.34],\"z\":null},\"b\":true}");
	}

	@Test
	void theSameContentInAnotherOrderGivesTheSameBytes() {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("export_id", "x");
		one.put("clips", List.of(Map.of("sha256", "ab", "file", "clip-01.mp4")));
		Map<String, Object> two = new LinkedHashMap<>();
		two.put("clips", List.of(Map.of("file", "clip-01.mp4", "sha256", "ab")));
		two.put("export_id", "x");

		assertThat(Arrays.equals(CanonicalJson.bytes(one), CanonicalJson.bytes(two))).isTrue();
	}

	@Test
	void stringsCarryOnlyTheEscapesJsonRequiresAndStayUtf8() {
		assertThat(text(Map.of("s", "Zoë \"quoted\" back\\slash\nline\ttab\u0001 — 東京")))
			.isEqualTo("{\"s\":\"Zoë \\\"quoted\\\" back\\\\slash\\nline\\ttab\\u0001 — 東京\"}");
	}

	private static String text(Object value) {
		return new String(CanonicalJson.bytes(value), StandardCharsets.UTF_8);
	}

}

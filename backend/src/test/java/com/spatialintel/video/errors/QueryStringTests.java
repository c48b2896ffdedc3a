package com.spatialintel.video.errors;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The strict query-string reader of {@link StrictRequestFilter}, without a server. */
@UnitTest
class QueryStringTests {

	@ParameterizedTest
	@ValueSource(strings = { "x=%ZZ", "x=%", "x=%4", "x=%E0%A4%A", "%ZZ=1", "x=%C3%28", "x=%ED%A0%80", "a=1&b=%G1" })
	void aBrokenEscapeOrBytesThatAreNotUtf8AreRefusedWithASentence(String query) {
		assertThat(StrictRequestFilter.problemOf(query)).hasValueSatisfying(
				sentence -> assertThat(sentence).startsWith("The query string cannot be read:").contains("%25"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=failed&status=completed", "a=1&b=2&a=3", "x&x", "n%61me=1&name=2" })
	void aParameterGivenTwiceIsRefused(String query) {
		assertThat(StrictRequestFilter.problemOf(query)).hasValueSatisfying(
				sentence -> assertThat(sentence).contains("is given more than once"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a=1", "from=2026-10-30T14%3A00%3A00Z&to=2026-10-31T00:00:00Z&limit=50",
			"expires=1796171647&signature=P7lKrED4a5a1oJxc05y4jkh5trHjdeVu4QaLzui6tts", "q=caf%C3%A9+au+lait", "flag",
			"a=&b=", "a=1&&b=2", "x=%F0%9F%98%80" })
	void soundQueryStringsPass(String query) {
		assertThat(StrictRequestFilter.problemOf(query)).isEmpty();
	}

	@Test
	void decodingIsFormDecoding() {
		assertThat(StrictRequestFilter.decode("caf%C3%A9+au%20lait")).hasValue("café au lait");
		assertThat(StrictRequestFilter.decode("%F0%9F%98%80")).hasValue("😀");
		assertThat(StrictRequestFilter.decode("%zz")).isEmpty();
	}

	@Test
	void aQuotedNameCarriesNoControlCharacters() {
		assertThat(StrictRequestFilter.problemOf("a%0Ab=1&a%0Ab=2")).hasValueSatisfying(
				sentence -> assertThat(sentence).contains("'a?b'").doesNotContain("\n"));
	}

}

package com.spatialintel.video.errors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person typed and others will read (names, file names, notes): no control characters (C0
 * and C1, NUL, CR/LF unless {@link #multiline()}), no line or paragraph separators, and no bidi
 * embedding, override or isolate characters, which make {@code gpj.mp4} of {@code U+202E} +
 * {@code 4pm.jpg} read as another file. Judged by Unicode category, not by
 * {@code \p{Cntrl}}, which knows ASCII only. Other format characters (the zero-width joiner of
 * emoji) are allowed.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

	String message() default "must not contain control characters, line separators or text-direction overrides";

	/** Line feeds (and CR LF) allowed, for notes typed into a text area; tabs too. */
	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check itself, for code that is not bean-validated. */
	final class Validator implements ConstraintValidator<PlainText, String> {

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isPlain(value, multiline);
		}

		public static boolean isPlain(String value, boolean multiline) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (multiline && (c == '\n' || c == '\t' || c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n')) {
					continue;
				}
				int type = Character.getType(c);
				if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
						|| isBidiControl(c)) {
					return false;
				}
			}
			return true;
		}

		/** LRE, RLE, PDF, LRO, RLO (U+202A–202E), LRI, RLI, FSI, PDI (U+2066–2069), LRM, RLM, ALM. */
		private static boolean isBidiControl(char c) {
			return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
					|| c == '\u061C';
		}

	}

}

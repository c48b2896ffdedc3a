package com.spatialintel.video.testing;

import java.util.Locale;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test with tr-TR as the JVM's default locale, where "I" lowers to "ı" and "i" uppers to
 * "İ": text that must not depend on the language (stored words, protocol tokens) shows it there.
 */
public class TurkishLocale implements BeforeEachCallback, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TurkishLocale.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Locale.class, Locale.getDefault());
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Locale.setDefault(context.getStore(NAMESPACE).get(Locale.class, Locale.class));
	}

}

package com.spatialintel.video.errors;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Tomcat's error report for requests it refuses before the app sees them (a broken %-escape or a
 * NUL in the path, an encoded slash, headers that are too large): problem+json with a sentence,
 * like every other error, instead of Tomcat's HTML page. It replaces the host's
 * {@link ErrorReportValve}, so it also answers anything else that would have reached that page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemWriter problems = ProblemWriter.app();
		if (problems == null) {
			return;
		}
		String body = problems.text(ProblemWriter.problem(HttpStatusCode.valueOf(status), ErrorSentences.forStatus(status),
				request.getDecodedRequestURI() == null ? "/" : request.getRequestURI()));
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot take a body: nothing more to say
		}
	}

	/** Puts the valve in place of the host's error report valve once Spring Boot has added its own. */
	@Component
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(new ProblemErrorReportValve());
				}
			});
		}

	}

}

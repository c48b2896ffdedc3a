package com.spatialintel.video.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.stereotype.Component;

/**
 * On a node that runs workers, the work folder ({@code JOB_WORK_DIR}) must be writable before the
 * first job: it is made if missing and a file is written and removed there. When that fails the
 * start fails: the node says so ({@link Analysis}) and exits with status 1, rather than taking
 * jobs and failing each one.
 */
@Component
@ConditionalOnProperty(prefix = "jobrunr.background-job-server", name = "enabled", havingValue = "true")
class WorkFolderCheck implements InitializingBean {

	private final ProcessingSettings settings;

	WorkFolderCheck(ProcessingSettings settings) {
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		Path folder = settings.workDirectory();
		try {
			Files.createDirectories(folder);
			Files.delete(Files.createTempFile(folder, ".write-check-", ""));
		}
		catch (IOException | SecurityException | UnsupportedOperationException ex) {
			throw new UnusableWorkFolderException(folder, ex);
		}
	}

	/** What the start-up failure says (registered in {@code META-INF/spring.factories}). */
	static class Analysis extends AbstractFailureAnalyzer<UnusableWorkFolderException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, UnusableWorkFolderException cause) {
			return new FailureAnalysis(cause.getMessage(), "Set JOB_WORK_DIR to a folder this process may write to "
					+ "(each job's temporary files go there: about twice the largest upload), or make " + cause.folder()
					+ " writable.", cause);
		}

	}

}

package com.spatialintel.video.library;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends bytes of a local file as the body whose headers are already set: with Tomcat's
 * {@code sendfile} (the kernel copies from the page cache to the socket once the request returns)
 * where the connector offers it, else through a small buffer.
 */
final class LocalFileAnswers {

	private static final Logger log = LoggerFactory.getLogger(LocalFileAnswers.class);

	// Tomcat's request attributes (org.apache.catalina.Globals), read by its HTTP/1.1 processor
	static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";

	static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

	static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";

	static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

	/** Below this, writing the bytes costs less than handing the socket to the poller (Tomcat's own threshold). */
	static final long SENDFILE_MIN_BYTES = 48 * 1024;

	private static final int COPY_BUFFER_BYTES = 64 * 1024;

	/**
	 * @param first the first byte to send
	 * @param last the last byte to send (inclusive)
	 * @return false when the file is gone and nothing was sent: the caller answers otherwise
	 */
	static boolean send(HttpServletRequest request, HttpServletResponse response, Path file, long first, long last)
			throws IOException {
		long length = last - first + 1;
		if (length >= SENDFILE_MIN_BYTES && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))
				&& !response.isCommitted()) {
			if (!Files.isRegularFile(file)) {
				return false;
			}
			// Tomcat opens the file once this request returns: it stays for LocalCopies.DELETION_GRACE after it is dropped
			request.setAttribute(SENDFILE_FILENAME, file.toAbsolutePath().toString());
			request.setAttribute(SENDFILE_START, first);
			request.setAttribute(SENDFILE_END, last + 1);
			log.debug("Sending bytes {}-{} of {} with sendfile", first, last, file);
			return true;
		}
		FileChannel channel;
		try {
			channel = FileChannel.open(file, StandardOpenOption.READ);
		}
		catch (NoSuchFileException dropped) {
			return false;
		}
		try (channel) {
			copy(channel, first, length, response.getOutputStream());
		}
		return true;
	}

	private static void copy(FileChannel channel, long first, long length, OutputStream out) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(COPY_BUFFER_BYTES, length));
		long position = first;
		long end = first + length;
		while (position < end) {
			buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
			int read = channel.read(buffer, position);
			if (read == -1) {
				throw new IOException("The local copy ended " + (end - position) + " bytes early");
			}
			try {
				out.write(buffer.array(), 0, read);
			}
			catch (IOException clientGone) {
				log.debug("Streaming a local copy stopped by the client: {}", clientGone.getMessage());
				return;
			}
			position += read;
		}
	}

	private LocalFileAnswers() {
	}

}

package com.spatialintel.video.auth;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What auth needs to know about malls to grant them, implemented by the mall module so that
 * auth does not depend on it.
 */
public interface MallCatalog {

	/** The ids among {@code mallIds} that name no mall. */
	Set<UUID> unknownMallIds(Collection<UUID> mallIds);

}

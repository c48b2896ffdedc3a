package com.spatialintel.video.mall;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.spatialintel.video.auth.MallCatalog;

import org.springframework.stereotype.Component;

@Component
class MallCatalogAdapter implements MallCatalog {

	private final MallRepository malls;

	MallCatalogAdapter(MallRepository malls) {
		this.malls = malls;
	}

	@Override
	public Set<UUID> unknownMallIds(Collection<UUID> mallIds) {
		Set<UUID> unknown = new HashSet<>(mallIds);
		unknown.removeAll(malls.existingMallIds(mallIds));
		return unknown;
	}

}

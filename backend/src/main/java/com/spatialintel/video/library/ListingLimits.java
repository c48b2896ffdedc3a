package com.spatialintel.video.library;

import org.springframework.stereotype.Component;

/** What a client must know of the listings to page through them as the server does. */
@Component
public class ListingLimits {

	/** How many videos a page holds when the request names no {@code limit}. */
	public int pageSize() {
		return ListingFilters.PAGE_SIZE;
	}

}

package com.spatialintel.video.mall;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.MallAccess;
import com.spatialintel.video.errors.NotFoundException;

import org.springframework.stereotype.Service;

/** What other modules may ask about malls and pins. */
@Service
public class Malls {

	private final MallRepository malls;

	private final MallAccess access;

	Malls(MallRepository malls, MallAccess access) {
		this.malls = malls;
		this.access = access;
	}

	/**
	 * The pin, when it belongs to the mall and the caller may see the mall; otherwise 404, the
	 * same for a mall that does not exist, one the caller is not granted, and a pin of another mall.
	 */
	public PinRef requireVisiblePin(CurrentUser user, UUID mallId, UUID pinId) {
		if (!access.maySee(user, mallId, "Pin", pinId)) {
			throw new NotFoundException("Mall", mallId);
		}
		PinRef pin = malls.findPinRef(pinId).orElse(null);
		if (pin == null || !pin.mallId().equals(mallId)) {
			if (malls.findMall(mallId).isEmpty()) {
				throw new NotFoundException("Mall", mallId);
			}
			throw new NotFoundException("Pin", pinId);
		}
		return pin;
	}

	/**
	 * The mall and all its pins (access is granted per mall), when the caller may see it; otherwise
	 * 404, the same for a mall that does not exist and one the caller is not granted.
	 */
	public MallRef requireVisibleMall(CurrentUser user, UUID mallId) {
		if (!access.maySee(user, mallId, "Mall", mallId)) {
			throw new NotFoundException("Mall", mallId);
		}
		var mall = malls.findMall(mallId).orElseThrow(() -> new NotFoundException("Mall", mallId));
		List<PinRef> pins = malls.findPins(mallId)
			.stream()
			.map(pin -> new PinRef(mall.id(), mall.name(), pin.id(), pin.name(), mall.timeZone()))
			.toList();
		return new MallRef(mall.id(), mall.name(), mall.timeZone(), pins);
	}

	public Optional<PinRef> findPin(UUID pinId) {
		return malls.findPinRef(pinId);
	}

}

package com.spatialintel.video.mall;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.MallAccess;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.mall.MallApi.MallResponse;
import com.spatialintel.video.mall.MallApi.PinResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class MallService {

	private final MallRepository malls;

	private final MallAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MallService(MallRepository malls, MallAccess access, ApplicationEventPublisher events, Clock clock) {
		this.malls = malls;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	MallResponse createMall(CurrentUser admin, String name, String timeZone) {
		MallResponse mall = new MallResponse(UUID.randomUUID(), name.strip(), MallTimeZones.require(timeZone),
				clock.instant());
		try {
			malls.insertMall(mall);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A mall named '%s' already exists.".formatted(mall.name()));
		}
		events.publishEvent(new MallChanged(mall.id(), null, MallChanged.Change.MALL_CREATED, mall.name(), admin.id(),
				mall.createdAt()));
		return mall;
	}

	/** @throws com.spatialintel.video.errors.NotFoundException when there is no such mall */
	@Transactional
	MallResponse changeTimeZone(CurrentUser admin, UUID mallId, String timeZone) {
		String zone = MallTimeZones.require(timeZone);
		MallResponse mall = malls.findMall(mallId).orElseThrow(() -> new NotFoundException("Mall", mallId));
		malls.updateTimeZone(mallId, zone);
		events.publishEvent(new MallChanged(mallId, null, MallChanged.Change.TIME_ZONE_CHANGED, mall.name(), admin.id(),
				clock.instant()));
		return new MallResponse(mall.id(), mall.name(), zone, mall.createdAt());
	}

	@Transactional
	PinResponse createPin(CurrentUser user, UUID mallId, String name) {
		MallResponse mall = visibleMall(user, mallId);
		PinResponse pin = new PinResponse(UUID.randomUUID(), mall.id(), name.strip(), clock.instant());
		try {
			malls.insertPin(pin);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("Mall '%s' already has a pin named '%s'.".formatted(mall.name(), pin.name()));
		}
		events.publishEvent(new MallChanged(mall.id(), pin.id(), MallChanged.Change.PIN_CREATED, pin.name(), user.id(),
				pin.createdAt()));
		return pin;
	}

	List<MallResponse> visibleMalls(CurrentUser user) {
		return user.isAdmin() ? malls.findAllMalls() : malls.findMalls(user.mallIds());
	}

	List<PinResponse> visiblePins(CurrentUser user, UUID mallId) {
		return malls.findPins(visibleMall(user, mallId).id());
	}

	/** A mall the caller is not granted is reported exactly like one that does not exist. */
	private MallResponse visibleMall(CurrentUser user, UUID mallId) {
		return malls.findMall(mallId)
			.filter(mall -> access.maySee(user, mall.id(), "Mall", mall.id()))
			.orElseThrow(() -> new NotFoundException("Mall", mallId));
	}

}

package com.spatialintel.video.mall;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.MallAccess;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.mall.MallApi.MallResponse;
import com.spatialintel.video.mall.MallApi.PinResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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

	/**
	 * A new name, a new time zone, or both.
	 *
	 * @throws com.spatialintel.video.errors.NotFoundException when there is no such mall
	 */
	@Transactional
	MallResponse updateMall(CurrentUser admin, UUID mallId, String name, String timeZone) {
		if (name == null && timeZone == null) {
			throw new InvalidRequestException("Give name, time_zone, or both.");
		}
		if (name != null && name.isBlank()) {
			throw new InvalidRequestException("name must not be blank.");
		}
		String zone = timeZone == null ? null : MallTimeZones.require(timeZone);
		MallResponse mall = malls.findMall(mallId).orElseThrow(() -> new NotFoundException("Mall", mallId));
		String newName = name == null ? mall.name() : name.strip();
		if (!newName.equals(mall.name())) {
			try {
				malls.updateName(mallId, newName);
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("A mall named '%s' already exists.".formatted(newName));
			}
			events.publishEvent(new MallChanged(mallId, null, MallChanged.Change.MALL_RENAMED, newName, admin.id(),
					clock.instant()));
		}
		if (zone != null && !zone.equals(mall.timeZone())) {
			malls.updateTimeZone(mallId, zone);
			events.publishEvent(new MallChanged(mallId, null, MallChanged.Change.TIME_ZONE_CHANGED, newName, admin.id(),
					clock.instant()));
		}
		return new MallResponse(mall.id(), newName, zone == null ? mall.timeZone() : zone, mall.createdAt());
	}

	/** Deletes a mall with no footage, its pins and its grants; one with footage is a 409 saying why. */
	@Transactional
	void deleteMall(CurrentUser admin, UUID mallId) {
		MallResponse mall = malls.findMall(mallId).orElseThrow(() -> new NotFoundException("Mall", mallId));
		try {
			malls.deleteMall(mallId);
		}
		catch (DataIntegrityViolationException hasFootage) {
			throw new ConflictException(("Mall '%s' has footage on its pins, so it cannot be deleted; "
					+ "delete its videos first (footage is kept until it is deleted on purpose).").formatted(mall.name()));
		}
		events.publishEvent(new MallChanged(mallId, null, MallChanged.Change.MALL_DELETED, mall.name(), admin.id(),
				clock.instant()));
	}

	@Transactional
	PinResponse renamePin(CurrentUser admin, UUID mallId, UUID pinId, String name) {
		PinResponse pin = pinOf(mallId, pinId);
		String newName = name.strip();
		try {
			malls.updatePinName(pinId, newName);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This mall already has a pin named '%s'.".formatted(newName));
		}
		events.publishEvent(new MallChanged(mallId, pinId, MallChanged.Change.PIN_RENAMED, newName, admin.id(),
				clock.instant()));
		return new PinResponse(pin.id(), pin.mallId(), newName, pin.createdAt());
	}

	/** Deletes a pin with no footage; one with footage is a 409 saying why. */
	@Transactional
	void deletePin(CurrentUser admin, UUID mallId, UUID pinId) {
		PinResponse pin = pinOf(mallId, pinId);
		try {
			malls.deletePin(pinId);
		}
		catch (DataIntegrityViolationException hasFootage) {
			throw new ConflictException(("Pin '%s' has footage, so it cannot be deleted; delete its videos first "
					+ "(footage is kept until it is deleted on purpose).").formatted(pin.name()));
		}
		events.publishEvent(new MallChanged(mallId, pinId, MallChanged.Change.PIN_DELETED, pin.name(), admin.id(),
				clock.instant()));
	}

	/** The pin of that mall, or 404 (an unknown mall first). */
	private PinResponse pinOf(UUID mallId, UUID pinId) {
		malls.findMall(mallId).orElseThrow(() -> new NotFoundException("Mall", mallId));
		return malls.findPins(mallId)
			.stream()
			.filter(pin -> pin.id().equals(pinId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Pin", pinId));
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

package com.spatialintel.video.mall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;
import com.spatialintel.video.mall.MallApi.MallResponse;
import com.spatialintel.video.mall.MallApi.PinResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches {@code malls} and {@code camera_pins}. */
@Repository
class MallRepository {

	private final JdbcClient jdbc;

	MallRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws DuplicateKeyException when the name is taken */
	void insertMall(MallResponse mall) {
		jdbc.sql("INSERT INTO malls (id, name, time_zone, created_at) VALUES (?, ?, ?, ?)")
			.params(mall.id(), mall.name(), mall.timeZone(), DbTime.of(mall.createdAt()))
			.update();
	}

	/** @return false when there is no such mall */
	boolean updateTimeZone(UUID id, String timeZone) {
		return jdbc.sql("UPDATE malls SET time_zone = ? WHERE id = ?").params(timeZone, id).update() == 1;
	}

	/** @throws DuplicateKeyException when another mall has that name */
	boolean updateName(UUID id, String name) {
		return jdbc.sql("UPDATE malls SET name = ? WHERE id = ?").params(name, id).update() == 1;
	}

	/** @throws DuplicateKeyException when the pin's mall has another pin of that name */
	boolean updatePinName(UUID pinId, String name) {
		return jdbc.sql("UPDATE camera_pins SET name = ? WHERE id = ?").params(name, pinId).update() == 1;
	}

	/** @throws org.springframework.dao.DataIntegrityViolationException when a video is on one of its pins */
	boolean deleteMall(UUID id) {
		return jdbc.sql("DELETE FROM malls WHERE id = ?").param(id).update() == 1;
	}

	/** @throws org.springframework.dao.DataIntegrityViolationException when a video is on the pin */
	boolean deletePin(UUID pinId) {
		return jdbc.sql("DELETE FROM camera_pins WHERE id = ?").param(pinId).update() == 1;
	}

	/** @throws DuplicateKeyException when the mall already has a pin of that name */
	void insertPin(PinResponse pin) {
		jdbc.sql("INSERT INTO camera_pins (id, mall_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(pin.id(), pin.mallId(), pin.name(), DbTime.of(pin.createdAt()))
			.update();
	}

	Optional<MallResponse> findMall(UUID id) {
		return jdbc.sql("SELECT id, name, time_zone, created_at FROM malls WHERE id = ?")
			.param(id)
			.query(MallRepository::mapMall)
			.optional();
	}

	List<MallResponse> findAllMalls() {
		return jdbc.sql("SELECT id, name, time_zone, created_at FROM malls ORDER BY name").query(MallRepository::mapMall).list();
	}

	List<MallResponse> findMalls(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, name, time_zone, created_at FROM malls WHERE id IN (:ids) ORDER BY name")
			.param("ids", ids)
			.query(MallRepository::mapMall)
			.list();
	}

	Set<UUID> existingMallIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return jdbc.sql("SELECT id FROM malls WHERE id IN (:ids)")
			.param("ids", ids)
			.query(UUID.class)
			.set();
	}

	List<PinResponse> findPins(UUID mallId) {
		return jdbc.sql("SELECT id, mall_id, name, created_at FROM camera_pins WHERE mall_id = ? ORDER BY name")
			.param(mallId)
			.query(MallRepository::mapPin)
			.list();
	}

	Optional<PinRef> findPinRef(UUID pinId) {
		return jdbc.sql("""
				SELECT p.id AS pin_id, p.name AS pin_name, m.id AS mall_id, m.name AS mall_name, m.time_zone
				FROM camera_pins p JOIN malls m ON m.id = p.mall_id
				WHERE p.id = ?""")
			.param(pinId)
			.query((rs, row) -> new PinRef(rs.getObject("mall_id", UUID.class), rs.getString("mall_name"),
					rs.getObject("pin_id", UUID.class), rs.getString("pin_name"), rs.getString("time_zone")))
			.optional();
	}

	private static MallResponse mapMall(ResultSet rs, int row) throws SQLException {
		return new MallResponse(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("time_zone"),
				DbTime.read(rs, "created_at"));
	}

	private static PinResponse mapPin(ResultSet rs, int row) throws SQLException {
		return new PinResponse(rs.getObject("id", UUID.class), rs.getObject("mall_id", UUID.class), rs.getString("name"),
				DbTime.read(rs, "created_at"));
	}

}

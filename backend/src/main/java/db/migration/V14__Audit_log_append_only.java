package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, {@code audit_log} refuses UPDATE always and DELETE unless the transaction set
 * {@code siv.audit_retention = 'on'} (only the log's own retention does, and it leaves a checkpoint
 * row). The embedded H2 of {@code make run} has no such trigger: the chain still shows a change.
 */
public class V14__Audit_log_append_only extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		if (!product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("""
					CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
					BEGIN
					  IF TG_OP = 'DELETE' AND current_setting('siv.audit_retention', true) = 'on' THEN
					    RETURN OLD;
					  END IF;
					  RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
					END;
					$$ LANGUAGE plpgsql""");
			statement.execute("""
					CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
					FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""");
		}
	}

}

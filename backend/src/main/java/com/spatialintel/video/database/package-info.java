/**
 * What every repository shares about the database: the SQL dialect (PostgreSQL or the embedded
 * H2), the JDBC URL, instants as the database stores them, the cluster-wide lock, and how an
 * outage of the database is recognised and answered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package com.spatialintel.video.database;

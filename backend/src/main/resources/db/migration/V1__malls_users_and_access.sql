-- Portable between PostgreSQL and H2 (MODE=PostgreSQL): TIMESTAMP WITH TIME ZONE, ids from the app,
-- no partial indexes. Dialect differences live in SqlDialect and the ${json_type} placeholder.

CREATE TABLE malls (
    id         UUID                     NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_malls_name UNIQUE (name)
);

CREATE TABLE camera_pins (
    id         UUID                     NOT NULL PRIMARY KEY,
    mall_id    UUID                     NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_camera_pins_mall FOREIGN KEY (mall_id) REFERENCES malls (id) ON DELETE CASCADE,
    CONSTRAINT uq_camera_pins_mall_name UNIQUE (mall_id, name),
    -- lets videos reference (pin, mall) together, so a video can never sit on another mall's pin
    CONSTRAINT uq_camera_pins_id_mall UNIQUE (id, mall_id)
);

CREATE TABLE users (
    id            UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    password_hash VARCHAR(100)             NOT NULL,
    role          VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_email_lower_case CHECK (email = LOWER(email)),
    CONSTRAINT ck_users_role CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER'))
);

CREATE TABLE user_mall_access (
    user_id    UUID                     NOT NULL,
    mall_id    UUID                     NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_user_mall_access PRIMARY KEY (user_id, mall_id),
    CONSTRAINT fk_user_mall_access_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_mall_access_mall FOREIGN KEY (mall_id) REFERENCES malls (id) ON DELETE CASCADE
);

CREATE INDEX idx_user_mall_access_mall_id ON user_mall_access (mall_id);

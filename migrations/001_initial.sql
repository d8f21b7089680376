-- 001_initial: core servers, extensions and their channels, users, API users,
-- configured conference rooms and queues.
-- Never edit this file once landed: add 002_….sql instead (the migrator refuses a changed checksum).

CREATE TABLE core_servers (
  id                       TEXT    NOT NULL PRIMARY KEY,
  slug                     TEXT    NOT NULL UNIQUE,
  name                     TEXT    NOT NULL,
  ami_host                 TEXT    NOT NULL,
  ami_port                 INTEGER NOT NULL CHECK (ami_port BETWEEN 1 AND 65535),
  ami_username             TEXT    NOT NULL,
  ami_secret               TEXT    NOT NULL,
  conference_rooms_enabled INTEGER NOT NULL DEFAULT 0 CHECK (conference_rooms_enabled IN (0, 1)),
  transfer_context         TEXT    NOT NULL DEFAULT 'from-internal',
  created_at               TEXT    NOT NULL
) STRICT;

CREATE TABLE users (
  id         TEXT NOT NULL PRIMARY KEY,
  username   TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  license    TEXT NOT NULL CHECK (license IN ('full', 'lite')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE extensions (
  id             TEXT NOT NULL PRIMARY KEY,
  core_server_id TEXT NOT NULL REFERENCES core_servers (id) ON DELETE CASCADE,
  number         TEXT NOT NULL,
  display_name   TEXT NOT NULL,
  user_id        TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (core_server_id, number)
) STRICT;

CREATE INDEX extensions_user_id ON extensions (user_id);

-- Which channels belong to an extension: a channel belongs to it when the channel name's part
-- before the last '-' equals one of its prefixes (PJSIP/100-0000002a → PJSIP/100).
CREATE TABLE extension_channels (
  extension_id   TEXT NOT NULL REFERENCES extensions (id) ON DELETE CASCADE,
  channel_prefix TEXT NOT NULL,
  PRIMARY KEY (extension_id, channel_prefix)
) STRICT;

CREATE INDEX extension_channels_prefix ON extension_channels (channel_prefix);

CREATE TABLE api_users (
  username      TEXT    NOT NULL PRIMARY KEY,
  password_hash TEXT    NOT NULL, -- base64 scrypt key
  salt          TEXT    NOT NULL, -- base64
  scrypt_n      INTEGER NOT NULL,
  scrypt_r      INTEGER NOT NULL,
  scrypt_p      INTEGER NOT NULL,
  key_length    INTEGER NOT NULL,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
) STRICT;

-- ConfBridge rooms configured in the gateway (a configured room with nobody in it answers 200 []).
CREATE TABLE conferences (
  id             TEXT NOT NULL PRIMARY KEY,
  core_server_id TEXT NOT NULL REFERENCES core_servers (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (core_server_id, name)
) STRICT;

-- Queues configured in the gateway (by their name in Asterisk, e.g. 'support').
CREATE TABLE queues (
  id             TEXT NOT NULL PRIMARY KEY,
  core_server_id TEXT NOT NULL REFERENCES core_servers (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (core_server_id, name)
) STRICT;

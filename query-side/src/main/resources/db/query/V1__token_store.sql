-- Axon's JdbcTokenStore (default schema, the column types of Axon's PostgresTokenTableFactory): one row per
-- processor segment, claimed by the process that owns it.
CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processorName, segment)
);

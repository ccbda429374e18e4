-- The command side's view of each supplier's standing, updated in the transaction storing the supplier event.
CREATE TABLE supplier_standing (
    supplier_id   VARCHAR(64) PRIMARY KEY,
    status        VARCHAR(20) NOT NULL,
    credit_rating VARCHAR(3),
    tier          VARCHAR(20) NOT NULL
);

-- Results of writes sent with an Idempotency-Key, stored in the transaction of the write's events.
CREATE TABLE idempotency_key (
    actor           VARCHAR(100)             NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    CHAR(64)                 NOT NULL,
    status          INT,
    aggregate_id    VARCHAR(64),
    version         BIGINT,
    location        VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (actor, idempotency_key)
);

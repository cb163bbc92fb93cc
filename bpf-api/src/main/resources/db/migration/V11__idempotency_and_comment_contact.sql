-- Idempotent writes: one row per client and Idempotency-Key with the answer the first request got.
-- Written in the same transaction as the request's effects, so a stored answer means a committed
-- effect; kept for a day (see IdempotencyFilter).
create table idempotent_request (
    client_key      varchar(200)  not null,
    idempotency_key varchar(200)  not null,
    method          varchar(10)   not null,
    path            varchar(2000) not null,
    body_hash       varchar(64)   not null,
    status          integer,
    content_type    varchar(200),
    location        varchar(2000),
    body            bytea,
    created_at      timestamptz   not null,
    primary key (client_key, idempotency_key)
);

create index idempotent_request_by_age on idempotent_request (created_at);

-- A commenter's optional email: personal data, kept out of the immutable event store so that it
-- can be erased on request without touching the audit trail.
create table comment_contact (
    comment_id varchar(64)  primary key,
    email      varchar(254) not null
);

-- Idempotency of comment submission: one row per client and Idempotency-Key, with the answer the
-- first request got. Written in the same transaction as the comment's event.
create table comment_submission (
    client_key      varchar(200) not null,
    idempotency_key varchar(200) not null,
    forum_id        varchar(64)  not null,
    answer          jsonb,
    created_at      timestamptz  not null,
    primary key (client_key, idempotency_key)
);

-- A commenter's optional email: personal data, kept out of the immutable event store so that it
-- can be erased on request without touching the audit trail.
create table comment_contact (
    comment_id varchar(64)  primary key,
    email      varchar(254) not null
);

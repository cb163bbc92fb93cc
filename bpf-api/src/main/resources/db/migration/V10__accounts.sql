-- The engine's user accounts. Every change is also an event of the account's aggregate (the audit
-- trail); this table is what sign-in reads, written in the same transaction as that event.
create table account (
    username      varchar(63)  primary key,
    password_hash varchar(200) not null,
    enabled       boolean      not null,
    roles         varchar(200) not null,  -- comma-separated: SECRETARIAT, COORDINATOR, EXPERT
    forums        text         not null,  -- comma-separated forum ids (EXPERT membership)
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

-- Tamper evidence and the audit index, both written by the database when an event is appended, in
-- the appending transaction: nothing in the application has to remember to do it, and an event
-- cannot be committed without its link.
--
-- event_chain: one row per event. Each aggregate's events form a hash chain: an event's hash covers
-- the previous event's hash and every stored column of the event (see event_chain_hash). The first
-- event of an aggregate links to 32 zero bytes. The plain copies (event_identifier, payload_type,
-- time_stamp) and the digests of payload and metadata let a verifier say WHAT differs.
--
-- audit_event_index: the columns the secretariat filters on (forum, cycle, actor, event type,
-- recorded time), extracted once from the JSON payload and metadata so that queries use indexes.
-- It is derived from the events and holds no evidence.

create table event_chain (
    global_index         bigint       primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    event_identifier     varchar(255) not null,
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_digest       bytea        not null,
    meta_data_digest     bytea        not null,
    prev_hash            bytea        not null,
    hash                 bytea        not null,
    unique (aggregate_identifier, sequence_number)
);

create table audit_event_index (
    global_index         bigint       primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    cycle                integer,
    event_type           varchar(255) not null,
    actor                varchar(255),
    recorded_at          timestamptz  not null
);

create index audit_event_index_by_aggregate on audit_event_index (aggregate_identifier, sequence_number);
create index audit_event_index_by_cycle on audit_event_index (cycle, global_index);
create index audit_event_index_by_actor on audit_event_index (actor, global_index);
create index audit_event_index_by_type on audit_event_index (event_type, global_index);
create index audit_event_index_by_time on audit_event_index (recorded_at);

-- The link of one event. Every field is digested to a fixed length (or is a fixed-length integer),
-- so no two different events give the same input. The verifier (EventChainVerifier) computes the
-- same bytes independently in Java.
create function event_chain_hash(prev bytea, e domain_event_entry) returns bytea
    language sql immutable as
$$
select sha256(prev
    || sha256(convert_to(e.aggregate_identifier, 'UTF8'))
    || int8send(e.sequence_number)
    || int8send(e.global_index)
    || sha256(convert_to(e.event_identifier, 'UTF8'))
    || sha256(convert_to(coalesce(e.type, ''), 'UTF8'))
    || sha256(convert_to(e.payload_type, 'UTF8'))
    || sha256(convert_to(coalesce(e.payload_revision, ''), 'UTF8'))
    || sha256(e.payload)
    || sha256(coalesce(e.meta_data, ''::bytea))
    || sha256(convert_to(e.time_stamp, 'UTF8')))
$$;

-- The JSON object of a bytea column, or null when it is not JSON (the audit index is best effort;
-- the chain covers the raw bytes whatever they hold).
create function audit_json(raw bytea) returns jsonb
    language plpgsql immutable as
$$
begin
    return convert_from(raw, 'UTF8')::jsonb;
exception
    when others then return null;
end
$$;

-- The "cycle" of an event's JSON payload when it is a whole number, else null.
create function audit_cycle(raw bytea) returns integer
    language sql immutable as
$$
select case when (audit_json(raw) ->> 'cycle') ~ '^-?[0-9]{1,9}$' then (audit_json(raw) ->> 'cycle')::integer end
$$;

create function event_chain_append() returns trigger
    language plpgsql as
$$
declare
    previous bytea;
    forum_cycle integer;
    meta jsonb;
begin
    -- Appends to one aggregate are serialized by the unique (aggregate_identifier, sequence_number):
    -- a concurrent append of the same sequence waits on that index and then fails, so the previous
    -- link read here is committed (or belongs to this very transaction).
    select c.hash into previous
      from event_chain c
     where c.aggregate_identifier = new.aggregate_identifier and c.sequence_number < new.sequence_number
     order by c.sequence_number desc
     limit 1;
    if previous is null then
        previous := decode(repeat('00', 32), 'hex');
    end if;
    insert into event_chain (global_index, aggregate_identifier, sequence_number, event_identifier, payload_type,
                             time_stamp, payload_digest, meta_data_digest, prev_hash, hash)
    values (new.global_index, new.aggregate_identifier, new.sequence_number, new.event_identifier, new.payload_type,
            new.time_stamp, sha256(new.payload), sha256(coalesce(new.meta_data, ''::bytea)), previous,
            event_chain_hash(previous, new));

    -- The cycle of an aggregate is the "cycle" of its first event (ForumCreated for a forum), if any.
    select i.cycle into forum_cycle
      from audit_event_index i
     where i.aggregate_identifier = new.aggregate_identifier
     order by i.sequence_number
     limit 1;
    if not found then
        forum_cycle := audit_cycle(new.payload);
    end if;
    meta := audit_json(new.meta_data);
    insert into audit_event_index (global_index, aggregate_identifier, sequence_number, cycle, event_type, actor, recorded_at)
    values (new.global_index, new.aggregate_identifier, new.sequence_number, forum_cycle,
            regexp_replace(new.payload_type, '^.*[.$]', ''), meta ->> 'actor', new.time_stamp::timestamptz);
    return null;
end
$$;

create trigger domain_event_entry_chain
    after insert on domain_event_entry
    for each row execute function event_chain_append();

-- The event store and its chain are append-only. This stops accidents (a careless UPDATE, a bug);
-- it does not stop a superuser, who can disable triggers: that is what the chain is for.
create function audit_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
end
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function audit_append_only();
create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function audit_append_only();
create trigger event_chain_append_only
    before update or delete on event_chain
    for each row execute function audit_append_only();
create trigger event_chain_no_truncate
    before truncate on event_chain
    for each statement execute function audit_append_only();

-- Events stored before this migration: link them now, forum by forum, in sequence order.
insert into event_chain (global_index, aggregate_identifier, sequence_number, event_identifier, payload_type,
                         time_stamp, payload_digest, meta_data_digest, prev_hash, hash)
with recursive linked as (
    select e.global_index, e.aggregate_identifier, e.sequence_number, decode(repeat('00', 32), 'hex') as prev_hash,
           event_chain_hash(decode(repeat('00', 32), 'hex'), e) as hash
      from domain_event_entry e
     where not exists (select 1 from domain_event_entry p
                        where p.aggregate_identifier = e.aggregate_identifier and p.sequence_number < e.sequence_number)
    union all
    select e.global_index, e.aggregate_identifier, e.sequence_number, l.hash, event_chain_hash(l.hash, e)
      from linked l
      join lateral (select * from domain_event_entry n
                     where n.aggregate_identifier = l.aggregate_identifier and n.sequence_number > l.sequence_number
                     order by n.sequence_number limit 1) e on true
)
select e.global_index, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.payload_type, e.time_stamp,
       sha256(e.payload), sha256(coalesce(e.meta_data, ''::bytea)), l.prev_hash, l.hash
  from linked l join domain_event_entry e on e.global_index = l.global_index;

insert into audit_event_index (global_index, aggregate_identifier, sequence_number, cycle, event_type, actor, recorded_at)
select e.global_index, e.aggregate_identifier, e.sequence_number,
       (select audit_cycle(f.payload) from domain_event_entry f
         where f.aggregate_identifier = e.aggregate_identifier order by f.sequence_number limit 1),
       regexp_replace(e.payload_type, '^.*[.$]', ''), audit_json(e.meta_data) ->> 'actor', e.time_stamp::timestamptz
  from domain_event_entry e;

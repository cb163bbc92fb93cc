-- Read table of the forum-views projection (ForumProjection). Disposable: it can be dropped and
-- rebuilt from the event store by replaying the projection.
create table forum_view (
    forum_id         varchar(64)  primary key,
    cycle            integer      not null,
    topic            varchar(200) not null,
    stage            varchar(32)  not null,
    stage_entered_at timestamptz  not null,
    last_sequence    bigint       not null,
    document         jsonb        not null
);

create index forum_view_by_cycle on forum_view (cycle, topic);

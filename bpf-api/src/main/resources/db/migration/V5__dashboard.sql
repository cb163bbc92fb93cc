-- Read table of the dashboard projection (DashboardProjection, tracking processor "dashboard").
-- Disposable: POST /api/admin/projections/dashboard/rebuild drops its rows and replays the event store.
-- Only facts from the events are stored (no wall-clock columns), so a rebuild gives identical rows.
create table dashboard_forum (
    forum_id         varchar(64)  primary key,
    cycle            integer      not null,
    topic            varchar(200) not null,
    stage            varchar(32)  not null,
    stage_entered_at timestamptz  not null,
    last_activity_at timestamptz  not null,
    last_sequence    bigint       not null,
    document         jsonb        not null
);

create index dashboard_forum_by_cycle on dashboard_forum (cycle, stage);

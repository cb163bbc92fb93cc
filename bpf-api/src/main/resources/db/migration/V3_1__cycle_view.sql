-- Read table of the cycle-views projection (CycleProjection). Disposable: rebuilt by replay.
create table cycle_view (
    year     integer primary key,
    document jsonb   not null
);

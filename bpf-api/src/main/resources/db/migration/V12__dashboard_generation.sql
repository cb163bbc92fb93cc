-- How many times dashboard_forum has been written: every write to it (a batch of the dashboard
-- projection, its reset before a rebuild) adds one, in the same transaction. A node that keeps the
-- parsed rows of a cycle in memory reads this one row before every board; while the number is the one
-- it read the rows at, no write has committed since, on any node (see BoardRows).
create table dashboard_generation (
    id         smallint primary key check (id = 1),
    generation bigint   not null
);

insert into dashboard_generation (id, generation) values (1, 0);

-- Camunda keeps the history of activities only (history level "activity", 1): the event store is the
-- audit of record. Camunda refuses to start when the level it is configured with differs from the one
-- recorded in its schema, so a database created with the former level ("full", 3) is brought along.
-- On a new database Camunda's tables do not exist yet and Camunda records the configured level itself.
do $$
begin
    if to_regclass('act_ge_property') is not null then
        update act_ge_property set value_ = '1' where name_ = 'historyLevel' and value_ <> '1';
    end if;
end
$$;

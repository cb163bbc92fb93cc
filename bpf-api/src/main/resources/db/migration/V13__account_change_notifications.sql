-- Every change of an account row is announced on the channel bpf_accounts when its transaction
-- commits, whoever made it (a node of the engine or an operator with psql): each node keeps the rows
-- sign-in reads in memory only while it listens there, and drops them when it hears of a change
-- (SignInCache).
create function account_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('bpf_accounts', coalesce(new.username, old.username, ''));
    return null;
end
$$;

create trigger account_changed
    after insert or update or delete on account
    for each row execute function account_changed();
create trigger account_truncated
    after truncate on account
    for each statement execute function account_changed();

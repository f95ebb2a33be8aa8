-- How many followed after each pass, so that the next pass need not count them: counting every follower of the account
-- on each pass (60,000 rows on the bench's largest account, a scan each time) took 2.5 s of its 2-minute run.
-- A full pass lists them all; a partial pass adds its arrivals to the pass before and takes off its departures. Passes
-- stored before this migration say nothing (null) but the latest, counted here.
alter table public.follower_passes add column following integer check (following >= 0);
update public.follower_passes p
set following = (select count(*) from public.followers f where f.account = p.account and f.left_at is null)
where p.id in (select distinct on (account) id from public.follower_passes order by account, started_at desc, id desc);

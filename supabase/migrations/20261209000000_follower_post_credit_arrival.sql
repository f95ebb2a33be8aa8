-- Each follower's own credits name the arrival they belong to (the follower's first listing), as arrival_window_credit's
-- do. The last 3 days' credits are rewritten on every Attribution run; finding them through followers probed the credits
-- once for every arrival of those days (5,000 on the bench's largest account, about 10 ms a run, nearly all of them
-- arrivals with no credits of their own). A follower who left and came back is a new arrival: the credits of the one
-- before are no longer theirs, so the view reads only the current arrival's.
alter table public.follower_post_credit add column first_seen_at timestamptz;
update public.follower_post_credit c set first_seen_at = f.first_seen_at
from public.followers f
where f.account = c.account and f.user_id = c.user_id;
alter table public.follower_post_credit alter column first_seen_at set not null;
create index follower_post_credit_arrival on public.follower_post_credit (account, first_seen_at);

create or replace view public.follower_credit with (security_invoker = true) as
select c.account, c.user_id, c.post_id, c.share
from public.follower_post_credit c
join public.followers f on f.account = c.account and f.user_id = c.user_id and f.first_seen_at = c.first_seen_at
union all
select f.account, f.user_id, w.post_id, w.share
from public.arrival_window_credit w
join public.followers f on f.account = w.account and f.first_seen_at = w.first_seen_at and f.arrived_after = w.arrived_after
where not exists (
    select 1 from public.follower_post_credit c
    where c.account = f.account and c.user_id = f.user_id and c.first_seen_at = f.first_seen_at);

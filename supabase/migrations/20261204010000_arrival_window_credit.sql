-- The Followers job credits each arrival to the posts live when it followed, by the window between the two passes
-- that date it. Arrivals of one window that no post's likers name share alike, so their credit is stored once for the
-- window, not once for each of them: a 3-hour window of a growing account holds a hundred arrivals, and rewriting every
-- arrival's shares (the last 3 days' are recomputed on each run) was most of the job's database time.
-- follower_post_credit keeps what belongs to one follower: their shares as their likes weigh them, and the credits
-- written before this migration.
create table public.arrival_window_credit (
    account       text not null,
    arrived_after timestamptz not null,
    first_seen_at timestamptz not null,
    post_id       text not null references public.posted_decisions (tweet_id) on delete cascade,
    -- of each arrival of the window that has no credit of its own
    share         double precision not null check (share > 0 and share <= 1),
    computed_at   timestamptz not null,
    primary key (account, first_seen_at, arrived_after, post_id)
);
create index arrival_window_credit_post on public.arrival_window_credit (post_id);

alter table public.arrival_window_credit enable row level security;
create policy followerloop_app_all on public.arrival_window_credit for all to followerloop_app using (true) with check (true);

-- Each arrival's credits: its own where it has any, else its window's.
create view public.follower_credit with (security_invoker = true) as
select c.account, c.user_id, c.post_id, c.share
from public.follower_post_credit c
union all
select f.account, f.user_id, w.post_id, w.share
from public.arrival_window_credit w
join public.followers f on f.account = w.account and f.first_seen_at = w.first_seen_at and f.arrived_after = w.arrived_after
where not exists (select 1 from public.follower_post_credit c where c.account = f.account and c.user_id = f.user_id);

-- On Supabase the API roles exist and get default grants; take the view away from them, as the other views.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        revoke all on public.follower_credit from anon;
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        revoke all on public.follower_credit from authenticated;
    end if;
end
$$;

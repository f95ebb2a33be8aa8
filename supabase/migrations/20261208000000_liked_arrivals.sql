-- The new followers who had liked one of the account's posts, each pair with the dates that match the follow to the
-- post: what every Attribution and Followers run reads (LikerStore.GetArrivalEvidenceAsync). Joining post_likers to the
-- whole of followers on each of those runs read every follower every time (about 14 s of a 2-minute bench run on an
-- account of 63,000); kept here as the two tables change, it is one range read. Every pair is kept, however late the
-- follow: the reader says which count. Only triggers write it, so it cannot miss a writer.
create table public.liked_arrivals (
    account       text not null,
    user_id       text not null,
    post_id       text not null,
    posted_at     timestamptz not null,
    arrived_after timestamptz not null,
    first_seen_at timestamptz not null,
    primary key (account, user_id, post_id),
    foreign key (account, user_id) references public.followers (account, user_id) on delete cascade,
    foreign key (post_id, user_id) references public.post_likers (post_id, user_id) on delete cascade
);
create index liked_arrivals_posted on public.liked_arrivals (account, posted_at);

alter table public.liked_arrivals enable row level security;
create policy followerloop_app_all on public.liked_arrivals for all to followerloop_app using (true) with check (true);

-- A follower and the likers of a post they liked can be written at once by two transactions (the Followers job and
-- Attribution), neither seeing the other's rows: each trigger takes this lock, held to its commit, before it reads,
-- so the second reads what the first committed (read committed gives each statement a fresh snapshot).
-- Each joins in the order written, from the rows its statement wrote (the transition table) through the other tables'
-- indexes: a pass or a read writes hundreds of rows, and left to itself the planner, whose statistics lag tables that
-- grow by thousands of rows a day, hashed whole tables (60,000 followers, 20,000 likers) on every pass.

-- Followers listed for the first time, or again after leaving (new dates): their pairs with the posts they had liked.
-- Other updates change no date and so no pair.
create function public.liked_arrivals_of_followers() returns trigger language plpgsql
set search_path = '' set join_collapse_limit = 1 set enable_hashjoin = off set enable_mergejoin = off as $$
begin
    perform pg_advisory_xact_lock(hashtext('public.liked_arrivals'));
    insert into public.liked_arrivals as a (account, user_id, post_id, posted_at, arrived_after, first_seen_at)
    select n.account, n.user_id, l.post_id, p.posted_at, n.arrived_after, n.first_seen_at
    from arrived n
    join public.post_likers l on l.user_id = n.user_id
    join public.posted_decisions p on p.tweet_id = l.post_id and p.account = n.account
    where n.arrived_after is not null
    on conflict (account, user_id, post_id) do update set arrived_after = excluded.arrived_after, first_seen_at = excluded.first_seen_at
    where (a.arrived_after, a.first_seen_at) is distinct from (excluded.arrived_after, excluded.first_seen_at);
    return null;
end
$$;

-- A post's likers once read: those who had already arrived.
create function public.liked_arrivals_of_likers() returns trigger language plpgsql
set search_path = '' set join_collapse_limit = 1 set enable_hashjoin = off set enable_mergejoin = off as $$
begin
    perform pg_advisory_xact_lock(hashtext('public.liked_arrivals'));
    insert into public.liked_arrivals (account, user_id, post_id, posted_at, arrived_after, first_seen_at)
    select f.account, f.user_id, l.post_id, p.posted_at, f.arrived_after, f.first_seen_at
    from liked l
    join public.posted_decisions p on p.tweet_id = l.post_id
    join public.followers f on f.account = p.account and f.user_id = l.user_id
    where f.arrived_after is not null;
    return null;
end
$$;

-- Statement triggers: one join per pass or read, however many rows it wrote (a transition table is per event).
create trigger liked_arrivals_on_insert after insert on public.followers
    referencing new table as arrived for each statement execute function public.liked_arrivals_of_followers();
create trigger liked_arrivals_on_update after update on public.followers
    referencing new table as arrived for each statement execute function public.liked_arrivals_of_followers();
create trigger liked_arrivals_on_insert after insert on public.post_likers
    referencing new table as liked for each statement execute function public.liked_arrivals_of_likers();

-- What was there before this migration.
insert into public.liked_arrivals (account, user_id, post_id, posted_at, arrived_after, first_seen_at)
select f.account, f.user_id, l.post_id, p.posted_at, f.arrived_after, f.first_seen_at
from public.post_likers l
join public.posted_decisions p on p.tweet_id = l.post_id
join public.followers f on f.account = p.account and f.user_id = l.user_id
where f.arrived_after is not null;

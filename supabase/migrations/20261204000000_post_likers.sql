-- Who liked each of the account's posts (GET /2/tweets/:id/liking_users, read once the post's 48 hours are over): a
-- new follower who liked a post before following is evidence of what brought them, which the follower count alone
-- cannot give (issue #15). One row per post read (when, how many likers X listed, whether that is all of them: X lists
-- at most 100 a post) and one per liker; a post with no read row was never read (the browser provider, or X refused).
create table public.post_liker_reads (
    post_id      text primary key references public.posted_decisions (tweet_id) on delete cascade,
    read_at      timestamptz not null,
    liker_count  integer not null check (liker_count >= 0),
    complete     boolean not null
);

create table public.post_likers (
    post_id text not null references public.post_liker_reads (post_id) on delete cascade,
    user_id text not null,
    primary key (post_id, user_id)
);
create index post_likers_user on public.post_likers (user_id);

alter table public.post_liker_reads enable row level security;
alter table public.post_likers enable row level security;
create policy followerloop_app_all on public.post_liker_reads for all to followerloop_app using (true) with check (true);
create policy followerloop_app_all on public.post_likers for all to followerloop_app using (true) with check (true);

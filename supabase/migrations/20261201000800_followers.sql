-- Who the followers are, whether they stay, and which posts brought them (issue #16).
-- The Followers job reads X's followers list newest first: hourly until the first follower it already knows, in
-- full at most weekly. An arrival is known to have followed between the pass before (arrived_after) and the pass
-- that first listed it (first_seen_at); a departure between the last pass that listed it (last_seen_at) and the
-- pass that found it gone (left_at). Facts X did not give are NULL.
create table public.followers (
    account               text not null,
    user_id               text not null,
    handle                text not null,
    display_name          text,
    first_seen_at         timestamptz not null,
    -- null: listed by the first pass ever, so they followed before FollowerLoop looked
    arrived_after         timestamptz,
    last_seen_at          timestamptz not null,
    left_at               timestamptz,
    -- higher is newer on X's list: a partial pass knows which known followers it walked past
    list_position         bigint not null,
    account_created_at    timestamptz,
    default_profile_image boolean,
    has_bio               boolean,
    followers_count       bigint check (followers_count >= 0),
    following_count       bigint check (following_count >= 0),
    posts_count           bigint check (posts_count >= 0),
    protected             boolean,
    verified              boolean,
    -- the transparent score of src/FollowerLoop/Followers/FollowerQuality.cs and the rules that lowered it
    quality               smallint not null check (quality between 0 and 100),
    quality_reasons       text[] not null default '{}',
    primary key (account, user_id),
    check (left_at is null or left_at >= last_seen_at)
);
create index followers_arrivals on public.followers (account, first_seen_at desc);
create index followers_position on public.followers (account, list_position desc) where left_at is null;

-- One row per pass: what it read and what it cost, and the estimate shown before a full pass ran.
create table public.follower_passes (
    id                 bigint generated always as identity primary key,
    account            text not null,
    kind               text not null check (kind in ('partial', 'full')),
    started_at         timestamptz not null,
    finished_at        timestamptz not null,
    requests           integer not null check (requests >= 0),
    followers_read     integer not null check (followers_read >= 0),
    arrivals           integer not null check (arrivals >= 0),
    departures         integer not null check (departures >= 0),
    estimated_cost_usd numeric(14, 6)
);
create index follower_passes_account_time on public.follower_passes (account, finished_at desc);

-- Arrivals credited to posts by the attribution's weights over the window the arrival happened in.
create table public.follower_post_credit (
    account     text not null,
    user_id     text not null,
    post_id     text not null references public.posted_decisions (tweet_id) on delete cascade,
    share       double precision not null check (share > 0 and share <= 1),
    computed_at timestamptz not null,
    primary key (account, user_id, post_id),
    foreign key (account, user_id) references public.followers (account, user_id) on delete cascade
);
create index follower_post_credit_post on public.follower_post_credit (post_id);

alter table public.followers enable row level security;
alter table public.follower_passes enable row level security;
alter table public.follower_post_credit enable row level security;
create policy followerloop_app_all on public.followers for all to followerloop_app using (true) with check (true);
create policy followerloop_app_all on public.follower_passes for all to followerloop_app using (true) with check (true);
create policy followerloop_app_all on public.follower_post_credit for all to followerloop_app using (true) with check (true);

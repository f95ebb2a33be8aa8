-- FollowerLoop core schema (see ../shared/design/schema.md in the project docs).
-- Metric columns are nullable: NULL means "could not be read", never 0.
-- Business times are written by the application (its TimeProvider), so no column defaults to now().

create table public.content_metadata (
    decision_id        uuid primary key,
    account            text not null,
    kind               text not null check (kind in ('post', 'reply', 'thread_part')),
    text               text not null check (char_length(text) between 1 and 4000),
    format             text,
    topic              text,
    hook               text,
    features           jsonb not null default '{}'::jsonb,
    predicted_gain     double precision,
    policy             text check (policy in ('exploit', 'explore', 'manual')),
    status             text not null default 'queued'
                       check (status in ('queued', 'posting', 'posted', 'failed', 'cancelled')),
    scheduled_for      timestamptz not null,
    content_hash       text not null unique,
    reply_to_tweet_id  text,
    thread_id          uuid,
    thread_position    integer check (thread_position >= 1),
    attempts           integer not null default 0,
    posting_started_at timestamptz,
    last_error         text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index content_metadata_due on public.content_metadata (account, status, scheduled_for);
create index content_metadata_recent on public.content_metadata (account, created_at desc);

create table public.posted_decisions (
    decision_id           uuid primary key references public.content_metadata (decision_id),
    tweet_id              text not null unique,
    account               text not null,
    posted_at             timestamptz not null,
    tracking_scheduled_at timestamptz
);
create index posted_decisions_account_time on public.posted_decisions (account, posted_at desc);

create table public.unified_outcomes (
    decision_id      uuid primary key references public.posted_decisions (decision_id) on delete cascade,
    post_id          text not null references public.posted_decisions (tweet_id) on delete cascade,
    likes            bigint check (likes >= 0),
    retweets         bigint check (retweets >= 0),
    replies          bigint check (replies >= 0),
    bookmarks        bigint check (bookmarks >= 0),
    views            bigint check (views >= 0),
    engagement_rate  double precision,
    collection_phase text not null check (collection_phase in ('baseline', '2h', '6h', '12h', '24h', '48h', 'live')),
    collected_at     timestamptz not null
);

create table public.post_velocity_tracking (
    post_id          text not null references public.posted_decisions (tweet_id) on delete cascade,
    collection_phase text not null check (collection_phase in ('baseline', '2h', '6h', '12h', '24h', '48h')),
    status           text not null check (status in ('measured', 'failed')),
    likes            bigint check (likes >= 0),
    retweets         bigint check (retweets >= 0),
    replies          bigint check (replies >= 0),
    bookmarks        bigint check (bookmarks >= 0),
    views            bigint check (views >= 0),
    hours_after_post double precision not null,
    due_at           timestamptz not null,
    checked_at       timestamptz not null,
    attempts         integer not null default 1,
    error            text,
    primary key (post_id, collection_phase)
);

create table public.post_follower_tracking (
    post_id          text not null references public.posted_decisions (tweet_id) on delete cascade,
    collection_phase text not null check (collection_phase in ('baseline', '2h', '6h', '12h', '24h', '48h')),
    status           text not null check (status in ('measured', 'failed')),
    followers        bigint check (followers >= 0),
    followers_exact  boolean,
    hours_after_post double precision not null,
    due_at           timestamptz not null,
    checked_at       timestamptz not null,
    attempts         integer not null default 1,
    error            text,
    primary key (post_id, collection_phase)
);

create table public.account_snapshots (
    account         text not null,
    taken_at        timestamptz not null,
    followers       bigint check (followers >= 0),
    followers_exact boolean,
    following       bigint check (following >= 0),
    post_count      bigint check (post_count >= 0),
    primary key (account, taken_at)
);

-- One row per post and method, so the naive method stays beside the better one for comparison.
create table public.post_attribution (
    post_id              text not null references public.posted_decisions (tweet_id) on delete cascade,
    method               text not null check (method in ('naive', 'engagement_share')),
    attributed_followers double precision,
    window_start         timestamptz not null,
    window_end           timestamptz not null,
    computed_at          timestamptz not null,
    primary key (post_id, method)
);

create table public.comprehensive_metrics (
    post_id              text primary key references public.posted_decisions (tweet_id) on delete cascade,
    decision_id          uuid not null references public.posted_decisions (decision_id) on delete cascade,
    account              text not null,
    kind                 text not null,
    format               text,
    topic                text,
    hook                 text,
    features             jsonb not null default '{}'::jsonb,
    posted_at            timestamptz not null,
    hour_of_day          smallint not null check (hour_of_day between 0 and 23),
    day_of_week          smallint not null check (day_of_week between 0 and 6),
    hours_since_previous double precision,
    followers_at_post    bigint,
    likes_2h             bigint,
    retweets_2h          bigint,
    replies_2h           bigint,
    views_2h             bigint,
    likes_24h            bigint,
    retweets_24h         bigint,
    replies_24h          bigint,
    bookmarks_24h        bigint,
    views_24h            bigint,
    likes_48h            bigint,
    views_48h            bigint,
    engagement_24h       bigint,
    followers_gained_naive bigint,
    attributed_followers double precision,
    computed_at          timestamptz not null
);
create index comprehensive_metrics_account_time on public.comprehensive_metrics (account, posted_at);

create table public.ml_models (
    id            bigint generated always as identity primary key,
    account       text not null,
    kind          text not null check (kind in ('gain', 'early_velocity')),
    version       integer not null check (version >= 1),
    model         bytea not null,
    trainer       text not null,
    training_rows integer not null check (training_rows >= 0),
    metrics       jsonb not null default '{}'::jsonb,
    is_active     boolean not null default false,
    trained_at    timestamptz not null,
    activated_at  timestamptz,
    unique (account, kind, version)
);
create unique index ml_models_one_active on public.ml_models (account, kind) where is_active;

create table public.learned_patterns (
    id           bigint generated always as identity primary key,
    account      text not null,
    category     text not null,
    finding      text not null,
    effect_size  double precision not null,
    ci_low       double precision,
    ci_high      double precision,
    sample_size  integer not null check (sample_size > 0),
    model_id     bigint references public.ml_models (id) on delete set null,
    is_current   boolean not null default true,
    created_at   timestamptz not null
);
create index learned_patterns_current on public.learned_patterns (account) where is_current;

create table public.strategy (
    id           bigint generated always as identity primary key,
    account      text not null,
    content_mix  jsonb not null,
    best_hours   jsonb not null,
    model_id     bigint references public.ml_models (id) on delete set null,
    notes        text,
    created_at   timestamptz not null
);
create index strategy_latest on public.strategy (account, created_at desc);

-- Followers at each checkpoint and the gains, one row per post. Joined on collection_phase, never
-- on float equality of hours_after_post; a missing or failed phase gives NULL, not a fake gain.
create view public.follower_attribution with (security_invoker = true) as
with phases as (
    select p.tweet_id as post_id,
           p.decision_id,
           p.account,
           p.posted_at,
           max(f.followers) filter (where f.collection_phase = 'baseline') as followers_before,
           max(f.followers) filter (where f.collection_phase = '2h')       as followers_2h,
           max(f.followers) filter (where f.collection_phase = '6h')       as followers_6h,
           max(f.followers) filter (where f.collection_phase = '12h')      as followers_12h,
           max(f.followers) filter (where f.collection_phase = '24h')      as followers_24h,
           max(f.followers) filter (where f.collection_phase = '48h')      as followers_48h
    from public.posted_decisions p
    left join public.post_follower_tracking f
           on f.post_id = p.tweet_id and f.status = 'measured'
    group by p.tweet_id, p.decision_id, p.account, p.posted_at
)
select post_id, decision_id, account, posted_at,
       followers_before, followers_2h, followers_6h, followers_12h, followers_24h, followers_48h,
       followers_48h - followers_before as total_followers_gained,
       followers_2h - followers_before  as followers_gained_2h,
       followers_24h - followers_before as followers_gained_24h
from phases;

-- Likes at each checkpoint, velocity per hour (over the hours actually elapsed between the two
-- measurements, so a late checkpoint does not inflate it) and the decay from the first 2h to 2-6h.
create view public.post_velocity_analysis with (security_invoker = true) as
with phases as (
    select p.tweet_id as post_id,
           p.decision_id,
           p.account,
           p.posted_at,
           max(v.likes) filter (where v.collection_phase = 'baseline')            as likes_baseline,
           max(v.likes) filter (where v.collection_phase = '2h')                  as likes_2h,
           max(v.likes) filter (where v.collection_phase = '6h')                  as likes_6h,
           max(v.likes) filter (where v.collection_phase = '12h')                 as likes_12h,
           max(v.likes) filter (where v.collection_phase = '24h')                 as likes_24h,
           max(v.likes) filter (where v.collection_phase = '48h')                 as likes_48h,
           max(v.hours_after_post) filter (where v.collection_phase = 'baseline') as hours_baseline,
           max(v.hours_after_post) filter (where v.collection_phase = '2h')       as hours_2h,
           max(v.hours_after_post) filter (where v.collection_phase = '6h')       as hours_6h
    from public.posted_decisions p
    left join public.post_velocity_tracking v
           on v.post_id = p.tweet_id and v.status = 'measured'
    group by p.tweet_id, p.decision_id, p.account, p.posted_at
), velocity as (
    select phases.*,
           (likes_2h - likes_baseline) / nullif(hours_2h - hours_baseline, 0) as velocity_2h,
           (likes_6h - likes_2h) / nullif(hours_6h - hours_2h, 0)             as velocity_2to6h
    from phases
)
select post_id, decision_id, account, posted_at,
       likes_baseline, likes_2h, likes_6h, likes_12h, likes_24h, likes_48h,
       velocity_2h, velocity_2to6h,
       velocity_2to6h / nullif(velocity_2h, 0) as decay_rate
from velocity;

-- Row Level Security on every table, with no policy: anonymous and authenticated API users see
-- nothing; the worker connects as the table owner / service role, which bypasses RLS.
alter table public.content_metadata enable row level security;
alter table public.posted_decisions enable row level security;
alter table public.unified_outcomes enable row level security;
alter table public.post_velocity_tracking enable row level security;
alter table public.post_follower_tracking enable row level security;
alter table public.account_snapshots enable row level security;
alter table public.post_attribution enable row level security;
alter table public.comprehensive_metrics enable row level security;
alter table public.ml_models enable row level security;
alter table public.learned_patterns enable row level security;
alter table public.strategy enable row level security;

-- On Supabase the API roles exist and get default grants; take the views away from them too.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        revoke all on public.follower_attribution, public.post_velocity_analysis from anon;
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        revoke all on public.follower_attribution, public.post_velocity_analysis from authenticated;
    end if;
end
$$;

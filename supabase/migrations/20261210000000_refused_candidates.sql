-- The candidates Plan wrote that the guards or the queue refused (over-long, a banned phrase, a near-repeat of a
-- recent post): what the generator wrote and why it was not used, for the problems page. A log line alone is lost
-- with the logs, and a generator whose writing keeps being refused (an LLM past the length limit) should be seen.
-- Plan deletes an account's rows older than 30 days as it writes new ones.
create table public.refused_candidates (
    id          bigint generated always as identity primary key,
    account     text not null,
    refused_at  timestamptz not null,
    text        text not null,
    format      text,
    topic       text,
    reason      text not null
);
create index refused_candidates_account_time on public.refused_candidates (account, refused_at desc);

alter table public.refused_candidates enable row level security;
create policy followerloop_app_all on public.refused_candidates for all to followerloop_app using (true) with check (true);

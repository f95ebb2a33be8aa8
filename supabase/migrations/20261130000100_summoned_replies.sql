-- Replies only where the account was summoned (X's automation rules). A reply remembers the post it answers
-- (who wrote it, what it said, how it summoned the account, its conversation), so that "one reply per
-- conversation" and "one per person a day" can be checked and a person can judge a draft. Drafts wait for
-- that person: 'draft' until approved ('queued') or rejected ('rejected').
alter table public.content_metadata drop constraint content_metadata_status_check;
alter table public.content_metadata add constraint content_metadata_status_check
    check (status in ('draft', 'queued', 'posting', 'posted', 'failed', 'cancelled', 'rejected'));

alter table public.content_metadata
    add column reply_to_handle text,
    add column reply_to_text   text,
    add column reply_to_kind   text check (reply_to_kind in ('mention', 'reply', 'quote')),
    add column conversation_id text;

create index content_metadata_reply_handles on public.content_metadata (account, lower(reply_to_handle), created_at)
    where kind = 'reply';
create index content_metadata_reply_conversations on public.content_metadata (account, conversation_id)
    where kind = 'reply';

-- People who asked the account to stop replying to them (X: honour "stop" requests). Never answered again.
create table public.reply_opt_outs (
    account      text not null,
    handle       text not null check (handle = lower(handle)),
    tweet_id     text not null,
    requested_at timestamptz not null,
    primary key (account, handle)
);

alter table public.reply_opt_outs enable row level security;

-- The newest summoning post the Reply job has dealt with: the next read asks X only for newer ones
-- (X bills every post read). Losing it costs one larger read, never a second reply.
create table public.reply_cursors (
    account          text primary key,
    newest_tweet_id  text not null,
    updated_at       timestamptz not null
);

alter table public.reply_cursors enable row level security;

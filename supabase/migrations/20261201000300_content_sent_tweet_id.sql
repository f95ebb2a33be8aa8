-- The id X gave a post (its CreateTweet answer), written the moment it is seen, before the post is recorded:
-- a run interrupted in between is reconciled by this id rather than by searching the profile for the text.
alter table public.content_metadata add column sent_tweet_id text;

comment on column public.content_metadata.sent_tweet_id is
    'The id X answered for this item''s post; set while status is ''posting'' and kept after, null when X never answered.';

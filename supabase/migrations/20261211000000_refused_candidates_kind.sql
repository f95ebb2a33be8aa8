-- What a refused candidate would have been, as content_metadata.kind names it: a post Plan wrote, or a part of the daily
-- thread (the Viral thread job rewrites a refused part, and each refusal is kept like Plan's). Rows written before it
-- were all Plan's posts.
alter table public.refused_candidates add column kind text not null default 'post';

-- Learn replaces the current patterns every hour and deletes the sets replaced more than 30 days before; without an
-- index that delete read the whole history (about 26,000 rows after a month of hourly sets) on every run.
create index learned_patterns_history on public.learned_patterns (account, created_at) where not is_current;

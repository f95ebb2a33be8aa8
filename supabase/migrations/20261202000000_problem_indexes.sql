-- The problems dashboard lists what failed, newest first, and counts each kind: a failure is rare (about 1% of job
-- runs and checkpoints), so partial indexes over the failures alone answer it without reading every run and checkpoint.
create index job_runs_failed on public.job_runs (finished_at desc) where result = 'failed';
create index post_velocity_tracking_failed on public.post_velocity_tracking (post_id, collection_phase) where status = 'failed';
create index post_follower_tracking_failed on public.post_follower_tracking (post_id, collection_phase) where status = 'failed';

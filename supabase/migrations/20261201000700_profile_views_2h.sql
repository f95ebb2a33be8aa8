-- The training row keeps the post's profile visits at 2 hours (post_follower_tracking.profile_views of its 2h
-- checkpoint; NULL where X did not give them): the early-velocity model uses them where present (issue #15).
alter table public.comprehensive_metrics add column profile_views_2h bigint check (profile_views_2h >= 0);

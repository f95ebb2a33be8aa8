-- What X's API adds for the account's own posts (issue #15): quote posts (public), link clicks and profile visits (the
-- owner's, for posts under 30 days). NULL where not given: the browser path, older posts. Profile visits go where the
-- seed had them, post_follower_tracking.profile_views: they are the step between a post and a follow.
alter table public.post_velocity_tracking
    add column quotes bigint check (quotes >= 0),
    add column url_link_clicks bigint check (url_link_clicks >= 0);
alter table public.post_follower_tracking
    add column profile_views bigint check (profile_views >= 0);

-- A fourth attribution method: the follows minus unfollows X itself reports for a post (GET /2/tweets/analytics,
-- Enterprise access). Where present it is the truth the estimates are judged against and what Learn trains on (issue #15).
alter table public.post_attribution drop constraint post_attribution_method_check;
alter table public.post_attribution add constraint post_attribution_method_check
    check (method in ('naive', 'engagement_share', 'overlap_shared', 'x_reported'));

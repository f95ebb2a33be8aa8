-- A third attribution method beside naive and engagement share: each interval's follower change split equally among
-- the posts live in it, the fair baseline engagement share is judged against (issue #15).
alter table public.post_attribution drop constraint post_attribution_method_check;
alter table public.post_attribution add constraint post_attribution_method_check
    check (method in ('naive', 'engagement_share', 'overlap_shared'));

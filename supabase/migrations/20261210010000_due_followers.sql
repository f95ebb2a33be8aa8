-- What each post was due under engagement share: its delayed views (or profile visits) times its format's conversion,
-- without its share of what the fit did not expect (the post's own luck and the organic churn's noise). Null for the
-- other methods. A model that predicts a post's expected gain learns nothing from the post's luck, and the surprise
-- share, pushed below zero by unfollows or a mis-set level and cut to zero there, erased the order among small posts
-- (README, Learning: "What the learner is taught").
alter table public.post_attribution add column due_followers double precision;

-- What the gain model and the patterns learn from: X's own count where X reports it, else engagement share's due.
alter table public.comprehensive_metrics add column learned_followers double precision;
-- Rows written before: their gain as it stood (X's count, or the credit) is the best label they have; the Outcomes job
-- rewrites only the last 14 days' posts, and a row without one would drop out of training.
update public.comprehensive_metrics set learned_followers = attributed_followers;

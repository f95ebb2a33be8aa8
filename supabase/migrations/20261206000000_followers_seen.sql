-- A full pass lists every follower still following, but it leaves the rows of those it finds as they were: renumbering
-- and re-dating every row each full pass left the table mostly dead rows (419,000 dead to 63,000 live in a 300-post
-- run), and every read of it slowed fourfold. So a row's last_seen_at is the last pass that wrote it, and the last
-- full pass is the last sighting of all who still follow; followers_seen says when each was last seen.
comment on column public.followers.last_seen_at is
    'the last pass that wrote the row; while left_at is null the last full pass saw it too (read followers_seen)';

create view public.followers_seen with (security_invoker = true) as
select f.account, f.user_id, f.handle, f.display_name, f.first_seen_at, f.arrived_after,
       case when f.left_at is null then greatest(f.last_seen_at, p.last_full) else f.last_seen_at end as last_seen_at,
       f.left_at, f.quality, f.quality_reasons
from public.followers f
left join (select account, max(started_at) as last_full from public.follower_passes where kind = 'full' group by account) p
    on p.account = f.account;

-- On Supabase the API roles exist and get default grants; take the view away from them, as the other views.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        revoke all on public.followers_seen from anon;
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        revoke all on public.followers_seen from authenticated;
    end if;
end
$$;

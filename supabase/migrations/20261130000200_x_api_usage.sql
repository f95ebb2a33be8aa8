-- X API usage and spend: one row per account, UTC day, job, endpoint and price category, incremented
-- after each answered request (see src/FollowerLoop/Costs). X bills per resource (each post or user
-- returned or created), so resources and cost are kept beside the request count. The cost is computed
-- with the prices configured on that day (XApi:Prices), so a later price change does not rewrite history.
create table public.x_api_usage (
    account   text not null,
    day       date not null,
    job       text not null,
    endpoint  text not null,
    category  text not null
              check (category in ('post_create', 'post_create_with_url', 'own_data_read', 'post_read', 'user_read', 'unpriced')),
    requests  bigint not null check (requests >= 0),
    resources bigint not null check (resources >= 0),
    cost_usd  numeric(14, 6) not null check (cost_usd >= 0),
    primary key (account, day, job, endpoint, category)
);

-- As every table: RLS on with no policy, so only the service role / owner reads and writes.
alter table public.x_api_usage enable row level security;

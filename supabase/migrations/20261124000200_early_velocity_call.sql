-- The early-velocity model's call, made at a post's 2-hour checkpoint: the followers it expects the post
-- to have gained by 48 hours. NULL until a model is active and the 2-hour counts were read.
alter table public.content_metadata add column predicted_gain_2h double precision;

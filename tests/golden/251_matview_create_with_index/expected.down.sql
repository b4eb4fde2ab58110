-- shale:down of 0001_after

DROP MATERIALIZED VIEW "public"."user_counts";

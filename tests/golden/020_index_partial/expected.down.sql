-- shale:down of 0000_after
-- shale:data-loss: drops table "sessions" and all its rows

DROP TABLE "public"."sessions";

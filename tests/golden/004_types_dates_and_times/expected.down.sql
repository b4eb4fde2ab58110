-- shale:down of 0000_after
-- shale:data-loss: drops table "events" and all its rows

DROP TABLE "public"."events";

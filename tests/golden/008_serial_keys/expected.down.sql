-- shale:down of 0000_after
-- shale:data-loss: drops table "tickets" and all its rows

DROP TABLE "public"."tickets";

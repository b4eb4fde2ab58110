-- shale:down of 0000_after
-- shale:data-loss: drops table "measurement" and all its rows

DROP TABLE "public"."measurement";

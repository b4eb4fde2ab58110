-- shale:down of 0000_after
-- shale:data-loss: drops table "seats" and all its rows

DROP TABLE "public"."seats";

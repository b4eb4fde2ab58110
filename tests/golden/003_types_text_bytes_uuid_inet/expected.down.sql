-- shale:down of 0000_after
-- shale:data-loss: drops table "devices" and all its rows

DROP TABLE "public"."devices";

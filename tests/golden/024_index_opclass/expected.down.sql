-- shale:down of 0000_after
-- shale:data-loss: drops table "paths" and all its rows

DROP TABLE "public"."paths";

-- shale:down of 0000_after
-- shale:data-loss: drops table "nodes" and all its rows

DROP TABLE "public"."nodes";

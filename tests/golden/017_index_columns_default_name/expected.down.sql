-- shale:down of 0000_after
-- shale:data-loss: drops table "posts" and all its rows

DROP TABLE "public"."posts";

-- shale:down of 0001_after
-- shale:data-loss: drops table "posts" and all its rows

DROP TABLE "public"."posts";

-- shale:down of 0000_after
-- shale:data-loss: drops table "comments" and all its rows

DROP TABLE "public"."comments";

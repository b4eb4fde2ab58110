-- shale:down of 0000_after
-- shale:data-loss: drops table "feed_items" and all its rows

DROP TABLE "public"."feed_items";

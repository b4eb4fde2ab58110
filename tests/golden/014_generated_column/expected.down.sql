-- shale:down of 0000_after
-- shale:data-loss: drops table "line_items" and all its rows

DROP TABLE "public"."line_items";

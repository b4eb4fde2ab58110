-- shale:down of 0001_after
-- shale:data-loss: drops table "line_items" and all its rows

DROP TABLE "line_items";

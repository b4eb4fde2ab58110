-- shale:down of 0001_after
-- shale:data-loss: drops table "order" and all its rows

DROP TABLE "order";

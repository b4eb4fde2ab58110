-- shale:down of 0001_after
-- shale:data-loss: drops table "events" and all its rows

DROP TABLE "events";

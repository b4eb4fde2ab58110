-- shale:down of 0001_after
-- shale:data-loss: drops table "devices" and all its rows

DROP TABLE "devices";

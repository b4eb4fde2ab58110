-- shale:down of 0001_after
-- shale:data-loss: drops table "measurement" and all its rows

DROP TABLE "measurement";

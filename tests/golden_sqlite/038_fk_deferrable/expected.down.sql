-- shale:down of 0001_after
-- shale:data-loss: drops table "nodes" and all its rows

DROP TABLE "nodes";

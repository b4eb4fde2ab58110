-- shale:down of 0001_after
-- shale:data-loss: drops table "tasks" and all its rows

DROP TABLE "tasks";

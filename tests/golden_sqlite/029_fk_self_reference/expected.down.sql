-- shale:down of 0001_after
-- shale:data-loss: drops table "comments" and all its rows

DROP TABLE "comments";

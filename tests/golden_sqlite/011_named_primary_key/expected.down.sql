-- shale:down of 0001_after
-- shale:data-loss: drops table "issue_labels" and all its rows

DROP TABLE "issue_labels";

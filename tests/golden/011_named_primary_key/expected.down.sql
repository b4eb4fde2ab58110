-- shale:down of 0000_after
-- shale:data-loss: drops table "issue_labels" and all its rows

DROP TABLE "public"."issue_labels";

-- shale:down of 0000_after
-- shale:data-loss: drops table "documents" and all its rows

DROP TABLE "public"."documents";

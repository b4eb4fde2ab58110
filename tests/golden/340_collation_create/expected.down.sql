-- shale:down of 0000_after
-- shale:data-loss: drops table "words" and all its rows

DROP TABLE "public"."words";

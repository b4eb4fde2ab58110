-- shale:down of 0000_after
-- shale:data-loss: drops table "order" and all its rows

DROP TABLE "public"."order";

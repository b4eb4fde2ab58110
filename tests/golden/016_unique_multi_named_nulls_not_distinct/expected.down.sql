-- shale:down of 0000_after
-- shale:data-loss: drops table "slugs" and all its rows

DROP TABLE "public"."slugs";

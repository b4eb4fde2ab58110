-- shale:down of 0000_after
-- shale:data-loss: drops table "products" and all its rows

DROP TABLE "public"."products";

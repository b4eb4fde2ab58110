-- shale:down of 0000_after
-- shale:data-loss: drops table "orders" and all its rows

DROP TABLE "public"."orders";

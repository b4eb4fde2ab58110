-- shale:down of 0001_after
-- shale:data-loss: drops table "orders" and all its rows

DROP TABLE "orders";

-- shale:down of 0001_after
-- shale:data-loss: drops table "webhook_delivery" and all its rows

DROP TABLE "webhook_delivery";

-- shale:down of 0000_after
-- shale:data-loss: drops table "webhook_delivery" and all its rows

DROP TABLE "public"."webhook_delivery";

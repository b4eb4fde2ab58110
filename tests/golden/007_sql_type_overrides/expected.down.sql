-- shale:down of 0000_after
-- shale:data-loss: drops table "contacts" and all its rows

DROP TABLE "public"."contacts";

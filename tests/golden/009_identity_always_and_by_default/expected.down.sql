-- shale:down of 0000_after
-- shale:data-loss: drops table "accounts" and all its rows

DROP TABLE "public"."accounts";

-- shale:down of 0000_after
-- shale:data-loss: drops table "api_keys" and all its rows

DROP TABLE "public"."api_keys";

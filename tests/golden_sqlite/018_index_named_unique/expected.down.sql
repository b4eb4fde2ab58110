-- shale:down of 0001_after
-- shale:data-loss: drops table "api_keys" and all its rows

DROP TABLE "api_keys";

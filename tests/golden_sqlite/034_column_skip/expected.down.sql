-- shale:down of 0001_after
-- shale:data-loss: drops table "users" and all its rows

DROP TABLE "users";

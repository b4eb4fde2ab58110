-- shale:down of 0000_after
-- shale:data-loss: drops table "users" and all its rows

DROP TABLE "public"."users";

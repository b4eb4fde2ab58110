-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."token"

ALTER TABLE "public"."users" DROP COLUMN "token";

-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."bio"

ALTER TABLE "public"."users" DROP COLUMN "bio";

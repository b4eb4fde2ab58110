-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."position"

ALTER TABLE "public"."users" DROP COLUMN "position";

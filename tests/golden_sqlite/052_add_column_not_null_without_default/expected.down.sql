-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."locale"

ALTER TABLE "users" DROP COLUMN "locale";

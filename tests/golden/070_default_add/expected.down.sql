-- shale:down of 0001_after

ALTER TABLE "public"."settings" ALTER COLUMN "theme" DROP DEFAULT;

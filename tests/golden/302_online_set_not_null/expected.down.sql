-- shale:down of 0001_after

ALTER TABLE "public"."users" ALTER COLUMN "email" DROP NOT NULL;

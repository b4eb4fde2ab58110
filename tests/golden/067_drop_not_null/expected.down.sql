-- shale:down of 0001_after

ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL;

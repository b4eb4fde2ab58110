-- shale:down of 0001_after

ALTER TABLE "public"."orgs" RENAME COLUMN "slug" TO "code";

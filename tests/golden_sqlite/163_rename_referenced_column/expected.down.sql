-- shale:down of 0001_after

ALTER TABLE "orgs" RENAME COLUMN "slug" TO "code";

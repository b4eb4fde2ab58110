-- shale:down of 0001_after

ALTER TABLE "public"."articles" RENAME COLUMN "writer_id" TO "author_id";

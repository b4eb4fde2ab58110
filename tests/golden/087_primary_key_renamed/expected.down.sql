-- shale:down of 0001_after

ALTER TABLE "public"."tags" RENAME CONSTRAINT "tags_name_pk" TO "tags_pkey";

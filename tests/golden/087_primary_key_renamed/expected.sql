-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "tags" against reads and writes

ALTER TABLE "public"."tags" RENAME CONSTRAINT "tags_pkey" TO "tags_name_pk";

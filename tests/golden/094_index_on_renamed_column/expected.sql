-- hazard: BACKWARD_INCOMPATIBLE renames column "articles"."author_id" to "writer_id": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes

ALTER TABLE "public"."articles" RENAME COLUMN "author_id" TO "writer_id";

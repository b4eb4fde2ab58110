-- hazard: BACKWARD_INCOMPATIBLE renames value 'draft' of enum "status" to 'proposal'
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes

ALTER TYPE "public"."status" RENAME VALUE 'draft' TO 'proposal';
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DEFAULT 'proposal';

-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "people": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "people" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "people" to change column "people"."age" to integer
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "people" against reads and writes
-- hazard: NOT_NULL_WITHOUT_DEFAULT sets column "people"."nickname" NOT NULL: fails if any row holds NULL
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "people" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "people" against reads and writes

ALTER TABLE "public"."users" RENAME TO "people";
--> statement-breakpoint
ALTER TABLE "public"."people" RENAME CONSTRAINT "users_pkey" TO "people_pkey";
--> statement-breakpoint
ALTER INDEX "public"."users_age_idx" RENAME TO "people_age_idx";
--> statement-breakpoint
ALTER TABLE "public"."people" ALTER COLUMN "age" SET DATA TYPE integer USING "age"::integer;
--> statement-breakpoint
ALTER TABLE "public"."people" ALTER COLUMN "nickname" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."people" ALTER COLUMN "nickname" SET DEFAULT '';

-- hazard: DELETES_DATA changes column "pages"."old_slug" from slug to text, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "pages"."old_slug" from slug to text
-- hazard: TABLE_REWRITE rewrites table "pages" to change column "pages"."old_slug" to text
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: DELETES_DATA changes column "pages"."slug" from text to slug, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "pages"."slug" from text to slug
-- hazard: TABLE_REWRITE rewrites table "pages" to change column "pages"."slug" to slug
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes

CREATE DOMAIN "public"."title" AS text NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "old_slug" SET DATA TYPE text USING "old_slug"::text;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "slug" SET DATA TYPE "public"."slug" USING "slug"::"public"."slug";
--> statement-breakpoint
ALTER TABLE "public"."pages" ADD COLUMN "title" "public"."title";

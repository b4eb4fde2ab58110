-- shale:down of 0001_after
-- shale:data-loss: drops column "pages"."title"
-- shale:data-loss: changes column "pages"."old_slug" from text to slug, which may lose or refuse values
-- shale:data-loss: changes column "pages"."slug" from slug to text, which may lose or refuse values

ALTER TABLE "public"."pages" DROP COLUMN "title";
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "old_slug" SET DATA TYPE "public"."slug" USING "old_slug"::"public"."slug";
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "slug" SET DATA TYPE text USING "slug"::text;
--> statement-breakpoint
DROP DOMAIN "public"."title";

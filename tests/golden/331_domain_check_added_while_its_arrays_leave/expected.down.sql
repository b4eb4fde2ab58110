-- shale:down of 0001_after
-- shale:data-loss: changes column "contacts"."others" from text[] to email[], which may lose or refuse values

ALTER DOMAIN "public"."email" DROP CONSTRAINT "email_has_at";
--> statement-breakpoint
ALTER TABLE "public"."contacts" ALTER COLUMN "others" SET DATA TYPE "public"."email"[] USING "others"::"public"."email"[];

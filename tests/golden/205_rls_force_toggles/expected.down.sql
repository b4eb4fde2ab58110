-- shale:down of 0001_after

ALTER TABLE "public"."a" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public"."b" NO FORCE ROW LEVEL SECURITY;

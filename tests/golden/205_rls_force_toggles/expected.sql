ALTER TABLE "public"."a" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public"."b" FORCE ROW LEVEL SECURITY;

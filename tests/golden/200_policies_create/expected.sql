CREATE TABLE "public"."documents" (
	"id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"archived" boolean NOT NULL,
	CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "public"."orgs" (
	"id" bigint NOT NULL,
	"owner" text NOT NULL,
	CONSTRAINT "orgs_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "public"."documents" ADD CONSTRAINT "documents_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id");
--> statement-breakpoint
ALTER TABLE "public"."documents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public"."documents" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "documents_delete" ON "public"."documents" FOR DELETE TO PUBLIC USING (archived);
--> statement-breakpoint
CREATE POLICY "documents_everything" ON "public"."documents" TO "pg_read_all_data", "pg_write_all_data" USING (true);
--> statement-breakpoint
CREATE POLICY "documents_insert" ON "public"."documents" FOR INSERT TO "pg_read_all_data" WITH CHECK (org_id > 0);
--> statement-breakpoint
CREATE POLICY "documents_only_live" ON "public"."documents" AS RESTRICTIVE TO PUBLIC USING (NOT archived);
--> statement-breakpoint
CREATE POLICY "documents_read" ON "public"."documents" FOR SELECT TO PUBLIC USING (EXISTS (SELECT 1 FROM orgs o WHERE o.id = documents.org_id AND o.owner = CURRENT_USER));
--> statement-breakpoint
CREATE POLICY "documents_update" ON "public"."documents" FOR UPDATE TO PUBLIC USING (NOT archived) WITH CHECK (NOT archived);

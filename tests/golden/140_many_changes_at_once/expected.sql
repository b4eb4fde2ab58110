-- hazard: DELETES_DATA drops column "users"."name"
-- hazard: BACKWARD_INCOMPATIBLE code using column "users"."name" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: INDEX_BUILD builds index "users_org_id_idx" on "users", blocking writes while it runs

ALTER TABLE "public"."users" DROP COLUMN "name";
--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM ('owner', 'member');
--> statement-breakpoint
CREATE TABLE "public"."memberships" (
	"org_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"role" "public"."role" DEFAULT 'member' NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY ("org_id", "user_id")
);
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "org_id" bigint;
--> statement-breakpoint
CREATE INDEX "users_org_id_idx" ON "public"."users" USING btree ("org_id");
--> statement-breakpoint
ALTER TABLE "public"."memberships" ADD CONSTRAINT "memberships_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "public"."memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "public"."users" ADD CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE SET NULL;

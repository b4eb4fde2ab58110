-- shale:down of 0001_after
-- shale:data-loss: drops column "members"."joined_at"
-- shale:data-loss: changes column "users"."age" from integer to smallint, which may lose or refuse values
-- shale:data-loss: removes value 'enterprise' from enum "tier": converting a row that holds one fails

ALTER TABLE "public"."members" DROP CONSTRAINT "members_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."members" DROP CONSTRAINT "users_age_sane";
--> statement-breakpoint
ALTER TABLE "public"."members" DROP COLUMN "joined_at";
--> statement-breakpoint
ALTER TYPE "public"."plan" RENAME TO "tier";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME COLUMN "age_years" TO "age";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "members_pkey" TO "users_pkey";
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "age" SET DATA TYPE smallint USING "age"::smallint;
--> statement-breakpoint
ALTER TYPE "public"."tier" RENAME TO "tier__previous";
--> statement-breakpoint
CREATE TYPE "public"."tier" AS ENUM ('free', 'paid');
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "tier" SET DATA TYPE "public"."tier" USING "tier"::text::"public"."tier";
--> statement-breakpoint
DROP TYPE "public"."tier__previous";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "legacy" text;
--> statement-breakpoint
ALTER TABLE "public"."users" ADD CONSTRAINT "users_age_sane" CHECK (age < 200);
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "public"."users" USING btree ("email");
--> statement-breakpoint
ALTER TABLE "public"."users" ADD CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id");
